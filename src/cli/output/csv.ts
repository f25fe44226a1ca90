import { cellText } from './format.js';

/** One CSV record (RFC 4180): fields with commas, quotes or newlines are quoted. */
export function csvLine(values: readonly unknown[]): string {
  return `${values.map((value) => csvField(cellText(value))).join(',')}\r\n`;
}

function csvField(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
