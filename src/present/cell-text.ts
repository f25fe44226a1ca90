import { toJson } from './json.js';
import { safeLine } from './sanitize.js';

/**
 * Reads a dotted path (`owner.username`) from an item; undefined where the path breaks.
 * The empty path is the item itself: a list of plain strings has one column.
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

/**
 * One cell's text, on one line and safe for a terminal: scalars as they are, an object by
 * its name-like field (a user by username), a list of scalars joined with commas, anything
 * else as compact JSON. The one cell renderer of every table.
 */
export function cellText(value: unknown): string {
  return safeLine(rawCellText(value));
}

/** cellText before it is made terminal-safe. */
function rawCellText(value: unknown): string {
  if (value === undefined || value === null) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint')
    return String(value);
  if (Array.isArray(value) && value.every((v) => v === null || typeof v !== 'object')) {
    return value.map((v) => (v === null || v === undefined ? '' : String(v))).join(', ');
  }
  if (typeof value === 'object' && !Array.isArray(value)) {
    const record = value as Record<string, unknown>;
    for (const key of ['username', 'name']) if (typeof record[key] === 'string') return record[key];
  }
  try {
    return toJson(value);
  } catch {
    return String(value);
  }
}
