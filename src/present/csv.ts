import { getPath } from './cell-text.js';
import { toJson } from './json.js';

/**
 * One CSV field (RFC 4180): quoted when it holds a comma, quote, line break or edge
 * spaces; quotes doubled. Values keep their data (no terminal escaping: CSV goes to files
 * and pipes); nested values are written as JSON, missing ones as empty.
 */
export function csvField(value: unknown): string {
  const text =
    value === undefined || value === null
      ? ''
      : typeof value === 'string'
        ? value
        : typeof value === 'object'
          ? toJson(value)
          : String(value);
  return /[",\r\n]|^\s|\s$/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** One CRLF-terminated CSV record. */
export function csvLine(values: readonly unknown[]): string {
  return `${values.map(csvField).join(',')}\r\n`;
}

/** A CSV document: a header of the column keys, then one line per item. */
export function toCsv(items: readonly unknown[], keys: readonly string[]): string {
  const header = csvLine(keys.map((key) => (key === '' ? 'value' : key)));
  return header + items.map((item) => csvLine(keys.map((key) => getPath(item, key)))).join('');
}
