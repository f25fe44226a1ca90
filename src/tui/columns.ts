import { resolveSchema, type Schema } from '../spec/index.js';
import { cellText, getPath } from './get-path.js';

/** A column after fitting: the dotted key into the item and the width it gets on screen. */
export interface FittedColumn {
  readonly key: string;
  readonly width: number;
}

/** Columns people look for first, in this order; `owner` wins over `creator` when both exist. */
const PREFERRED = ['id', 'name', 'status', 'owner.username', 'creator.username', 'created_at', 'updated_at'];
const MAX_DEPTH = 2;
/** Widest a column grows to on its own; longer text is cut with an ellipsis. */
export const MAX_COLUMN_WIDTH = 40;
/** Room taken by the mark (`* `) in front of each row. */
export const MARK_WIDTH = 2;

/**
 * Every column the items can show: leaf fields of the item schema (nested objects by dotted
 * path, two levels deep), or, without a schema, the fields seen in the first rows.
 * Plain values (strings, numbers) give one column with the empty key.
 */
export function candidateColumns(
  schema: Schema | undefined,
  definitions: Readonly<Record<string, Schema>>,
  sample: readonly unknown[],
): string[] {
  const keys: string[] = [];
  if (schema) walkSchema(resolveSchema(schema, definitions), definitions, '', 1, keys);
  const seen = new Set(keys);
  for (const item of sample.slice(0, 50)) walkValue(item, '', 1, keys, seen);
  if (keys.length === 0) return [''];
  return keys;
}

function walkSchema(
  schema: Schema,
  definitions: Readonly<Record<string, Schema>>,
  prefix: string,
  depth: number,
  out: string[],
): void {
  for (const [name, raw] of Object.entries(schema.properties ?? {})) {
    const field = resolveSchema(raw, definitions);
    const key = prefix + name;
    if (field.properties && depth < MAX_DEPTH) walkSchema(field, definitions, `${key}.`, depth + 1, out);
    else out.push(key);
  }
}

function walkValue(value: unknown, prefix: string, depth: number, out: string[], seen: Set<string>): void {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return;
  for (const [name, field] of Object.entries(value)) {
    const key = prefix + name;
    const nested = field !== null && typeof field === 'object' && !Array.isArray(field);
    if (nested && depth < MAX_DEPTH) {
      walkValue(field, `${key}.`, depth + 1, out, seen);
    } else if (!seen.has(key) && !out.some((k) => k.startsWith(`${key}.`))) {
      seen.add(key);
      out.push(key);
    }
  }
}

/** The columns shown before the user chooses: the familiar ones present, else the first few. */
export function defaultColumns(candidates: readonly string[]): string[] {
  const present = PREFERRED.filter((key) => candidates.includes(key));
  const people = present.includes('owner.username')
    ? present.filter((k) => k !== 'creator.username')
    : present;
  if (people.length >= 2) return people;
  const extra = candidates.filter((key) => !people.includes(key));
  return [...people, ...extra].slice(0, 6);
}

/** Header text of a column. */
export function columnTitle(key: string): string {
  return key === '' ? 'value' : key;
}

/** How wide each column would like to be: its title or its widest cell among the sampled rows. */
export function measureColumns(keys: readonly string[], sample: readonly unknown[]): number[] {
  return keys.map((key) => {
    let width = columnTitle(key).length + 2; // room for the sort arrow
    for (const item of sample) {
      const length = cellText(getPath(item, key)).length;
      if (length > width) width = length;
      if (width >= MAX_COLUMN_WIDTH) return MAX_COLUMN_WIDTH;
    }
    return width;
  });
}

/**
 * Fits columns into `totalWidth` cells (a space between columns, the mark in front).
 * Wide columns give way first, none below a few cells; if even that does not fit, the
 * trailing columns are left out. Pure, so it can be benchmarked and tested alone.
 */
export function fitColumns(
  keys: readonly string[],
  natural: readonly number[],
  totalWidth: number,
): FittedColumn[] {
  const wants = keys.map((key, i) => ({
    key,
    want: Math.min(natural[i] ?? MAX_COLUMN_WIDTH, MAX_COLUMN_WIDTH),
    min: Math.min(natural[i] ?? 4, Math.max(4, Math.min(columnTitle(key).length, 8))),
  }));
  for (let count = wants.length; count > 0; count--) {
    const cols = wants.slice(0, count);
    const available = totalWidth - MARK_WIDTH - (count - 1);
    if (cols.reduce((sum, c) => sum + c.min, 0) > available) continue;
    const sizeAt = (cap: number) => cols.map((c) => Math.min(c.want, Math.max(cap, c.min)));
    const total = (cap: number) => sizeAt(cap).reduce((sum, w) => sum + w, 0);
    // The largest cap under which everything fits: the widest columns are cut to it.
    let low = 0;
    let high = MAX_COLUMN_WIDTH;
    while (low < high) {
      const mid = Math.ceil((low + high) / 2);
      if (total(mid) <= available) low = mid;
      else high = mid - 1;
    }
    const widths = sizeAt(low);
    return cols.map((c, i) => ({ key: c.key, width: widths[i] ?? c.min }));
  }
  return [];
}

/** Cuts or pads text to exactly `width` cells, marking a cut with an ellipsis. */
export function fitText(text: string, width: number): string {
  if (width <= 0) return '';
  if (text.length > width) return `${text.slice(0, Math.max(0, width - 1))}…`;
  return text.padEnd(width);
}
