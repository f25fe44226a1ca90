import { cellText, getPath } from '../../present/index.js';

const searchText = new WeakMap<object, string>();

/** The lower-cased text a row is searched in: its whole JSON, cached per item object. */
function textOf(item: unknown): string {
  if (item === null || typeof item !== 'object') return String(item).toLowerCase();
  let text = searchText.get(item);
  if (text === undefined) {
    text = (JSON.stringify(item) ?? '').toLowerCase();
    searchText.set(item, text);
  }
  return text;
}

/** `owner.username=ada`: a field and the text its value must contain; undefined for free text. */
export function fieldQuery(query: string): { readonly field: string; readonly value: string } | undefined {
  const match = /^([A-Za-z_][\w.]*)\s*=\s*(.*)$/.exec(query.trim());
  return match?.[1] !== undefined && match[2] !== undefined
    ? { field: match[1], value: match[2] }
    : undefined;
}

/**
 * Indices of the rows matching `query`, case-insensitively: `field=value` looks in that
 * field (a dotted path) only, anything else anywhere in the row's JSON.
 */
export function filterRows(rows: readonly unknown[], query: string): number[] {
  const field = fieldQuery(query);
  const needle = (field ? field.value : query).toLowerCase();
  const matches = field
    ? (row: unknown) => cellText(getPath(row, field.field)).toLowerCase().includes(needle)
    : (row: unknown) => textOf(row).includes(needle);
  const out: number[] = [];
  for (let i = 0; i < rows.length; i++) if (needle === '' || matches(rows[i])) out.push(i);
  return out;
}
