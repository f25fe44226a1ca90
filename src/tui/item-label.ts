/** A short name for an item in breadcrumbs: its name, else username, id or path. */
export function itemLabel(value: unknown, width = 24): string | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
  const fields = value as Record<string, unknown>;
  for (const key of ['name', 'username', 'id', 'path']) {
    const field = fields[key];
    if ((typeof field === 'string' && field !== '') || typeof field === 'number') {
      const text = String(field).replace(/\s+/g, ' ');
      return text.length > width ? `${text.slice(0, width - 1)}…` : text;
    }
  }
  return undefined;
}
