/**
 * Reads a dotted path (`creator.username`) from an item. The empty path is the item itself,
 * which is how lists of plain strings or numbers get their single column.
 */
export function getPath(item: unknown, path: string): unknown {
  if (path === '') return item;
  let current: unknown = item;
  for (const part of path.split('.')) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<string, unknown>)[part];
  }
  return current;
}

/** One line of text for a table cell: nested values as JSON, line breaks flattened. */
export function cellText(value: unknown): string {
  if (value === undefined || value === null) return '';
  if (typeof value === 'string') return value.replace(/[\r\n\t]+/g, ' ');
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') {
    return String(value);
  }
  try {
    return JSON.stringify(value) ?? '';
  } catch {
    return String(value);
  }
}
