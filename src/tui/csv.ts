import { getPath } from './get-path.js';

/**
 * One CSV field (RFC 4180): quoted when it holds a comma, quote, line break or edge
 * spaces; quotes doubled. Nested values are written as JSON, missing ones as empty.
 */
export function csvField(value: unknown): string {
  let text: string;
  if (value === undefined || value === null) text = '';
  else if (typeof value === 'string') text = value;
  else if (typeof value === 'object') text = JSON.stringify(value);
  else text = String(value);
  return /[",\r\n]|^\s|\s$/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** A CSV document: a header of the column keys, then one CRLF-terminated line per item. */
export function toCsv(items: readonly unknown[], keys: readonly string[]): string {
  const header = keys.map((key) => csvField(key === '' ? 'value' : key)).join(',');
  const lines = items.map((item) => keys.map((key) => csvField(getPath(item, key))).join(','));
  return `${[header, ...lines].join('\r\n')}\r\n`;
}
