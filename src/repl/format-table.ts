/** Plain-text tables for list results: pure, so the REPL, `-e` and tests share one layout. */

/** Fields people look for first, in the order they read them. Dotted names reach into objects. */
const PREFERRED = [
  'id',
  'name',
  'username',
  'display_name',
  'title',
  'identifier',
  'image_identifier',
  'status',
  'state',
  'owner.username',
  'creator.username',
  'created_at',
];

const MAX_COLUMNS = 6;
const MIN_WIDTH = 4;
const GAP = '  ';

export interface TableOptions {
  /** Dotted field names to show; chosen by `chooseColumns` when absent. */
  readonly columns?: readonly string[] | undefined;
  /** Total width to fit in (the terminal's columns); 120 when unknown. */
  readonly width?: number | undefined;
  /** Wraps the header line, e.g. in bold; identity by default. */
  readonly styleHeader?: ((text: string) => string) | undefined;
}

/** Reads `owner.username` out of `{ owner: { username } }`; undefined where the path breaks. */
export function fieldValue(item: unknown, path: string): unknown {
  let current: unknown = item;
  for (const part of path.split('.')) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<string, unknown>)[part];
  }
  return current;
}

/**
 * Picks up to six columns: the preferred fields that the items have, then
 * other scalar fields, so a table never comes out empty for an unfamiliar resource.
 */
export function chooseColumns(items: readonly unknown[]): string[] {
  const chosen = PREFERRED.filter((path) => items.some((item) => isShown(fieldValue(item, path))));
  // `name` and `username` together only repeat each other in user lists.
  if (chosen.includes('name') && chosen.includes('username')) chosen.splice(chosen.indexOf('username'), 1);
  if (chosen.length < 3) {
    for (const item of items.slice(0, 20)) {
      if (item === null || typeof item !== 'object') continue;
      for (const [key, value] of Object.entries(item)) {
        if (chosen.length >= 4) break;
        if (!chosen.includes(key) && isScalar(value) && isShown(value)) chosen.push(key);
      }
    }
  }
  return chosen.slice(0, MAX_COLUMNS);
}

/** One cell's text: scalars as they are, objects by a name-like field, arrays by their length. */
export function cellText(value: unknown): string {
  if (value === undefined || value === null) return '';
  if (typeof value === 'string') return value.replace(/\s+/g, ' ');
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint')
    return String(value);
  if (Array.isArray(value)) return `[${value.length}]`;
  if (typeof value === 'object') {
    const record = value as Record<string, unknown>;
    for (const key of ['username', 'name', 'id']) {
      if (typeof record[key] === 'string') return record[key];
    }
    return '{…}';
  }
  return String(value);
}

/**
 * Renders rows as aligned columns under a header, fitted to `width`: the widest columns
 * give way first, and cells that do not fit end in "…". Returns '' for no rows.
 */
export function formatTable(items: readonly unknown[], options: TableOptions = {}): string {
  if (!items.length) return '';
  const columns = options.columns ?? chooseColumns(items);
  if (!columns.length) return '';
  const header = columns.map(headerName);
  const rows = items.map((item) => columns.map((column) => cellText(fieldValue(item, column))));
  const widths = columns.map((_, i) =>
    Math.max(header[i]?.length ?? 0, ...rows.map((row) => row[i]?.length ?? 0)),
  );
  fitWidths(widths, Math.max(20, options.width ?? 120));
  const line = (cells: readonly string[]) =>
    cells
      .slice(0, widths.length)
      .map((cell, i) => fitCell(cell, widths[i] ?? 0))
      .join(GAP)
      .trimEnd();
  const style = options.styleHeader ?? ((text: string) => text);
  return [style(line(header)), ...rows.map(line)].join('\n');
}

/** `owner.username` -> `owner`, `created_at` -> `created_at`: short headers. */
function headerName(path: string): string {
  const parts = path.split('.');
  return parts.length > 1 && parts[parts.length - 1] === 'username' ? (parts[0] ?? path) : path;
}

/** Shrinks the widest column one step at a time until the row fits. */
function fitWidths(widths: number[], total: number): void {
  const used = () => widths.reduce((sum, w) => sum + w, 0) + GAP.length * (widths.length - 1);
  while (used() > total) {
    let widest = 0;
    for (let i = 1; i < widths.length; i++) if ((widths[i] ?? 0) > (widths[widest] ?? 0)) widest = i;
    if ((widths[widest] ?? 0) <= MIN_WIDTH) {
      // Nothing left to shrink: drop the last column rather than wrap.
      if (widths.length <= 1) return;
      widths.pop();
      continue;
    }
    widths[widest] = (widths[widest] ?? 0) - 1;
  }
}

function fitCell(text: string, width: number): string {
  if (text.length <= width) return text.padEnd(width);
  return width <= 1 ? text.slice(0, width) : `${text.slice(0, width - 1)}…`;
}

function isScalar(value: unknown): boolean {
  return value === null || ['string', 'number', 'boolean'].includes(typeof value);
}

function isShown(value: unknown): boolean {
  return value !== undefined && value !== null && value !== '';
}
