import { cellText } from './format.js';

const MAX_COLUMNS = 8;
const MAX_WIDTH = 40;

/** Column layout chosen from the first rows; later rows are fitted to it. */
export interface TableLayout {
  readonly columns: readonly string[];
  readonly widths: readonly number[];
}

/**
 * Picks columns (scalar fields first, at most 8) and widths from sample rows, shrinking
 * the widest columns until the table fits `terminalWidth`.
 */
export function layoutTable(rows: readonly Record<string, unknown>[], terminalWidth = 160): TableLayout {
  const keys: string[] = [];
  for (const row of rows) for (const key of Object.keys(row)) if (!keys.includes(key)) keys.push(key);
  const scalar = (key: string) => rows.every((row) => row[key] === null || typeof row[key] !== 'object');
  const columns = [...keys.filter(scalar), ...keys.filter((k) => !scalar(k))].slice(0, MAX_COLUMNS);
  const widths = columns.map((column) =>
    Math.min(MAX_WIDTH, Math.max(column.length, ...rows.map((row) => cellText(row[column]).length))),
  );
  const total = () => widths.reduce((sum, width) => sum + width + 2, 0);
  while (total() > terminalWidth && Math.max(...widths) > 8) {
    const widest = widths.indexOf(Math.max(...widths));
    widths[widest] = (widths[widest] ?? 8) - 1;
  }
  return { columns, widths };
}

/** The header line and its underline. */
export function tableHeader(layout: TableLayout): string {
  const header = layout.columns.map((column, i) => fitCell(column.toUpperCase(), layout.widths[i] ?? 8));
  const rule = layout.widths.map((width) => '─'.repeat(width));
  return `${header.join('  ').trimEnd()}\n${rule.join('  ')}\n`;
}

/** One row, each cell cut or padded to its column. */
export function tableRow(layout: TableLayout, row: Record<string, unknown>): string {
  const cells = layout.columns.map((column, i) => fitCell(cellText(row[column]), layout.widths[i] ?? 8));
  return `${cells.join('  ').trimEnd()}\n`;
}

/** An object as a two-column key/value listing. */
export function keyValueTable(value: Record<string, unknown>): string {
  const keys = Object.keys(value);
  const width = Math.max(0, ...keys.map((key) => key.length));
  return keys.map((key) => `${key.padEnd(width)}  ${cellText(value[key])}\n`).join('');
}

function fitCell(text: string, width: number): string {
  const flat = text.replace(/\s+/g, ' ');
  return flat.length > width ? `${flat.slice(0, Math.max(0, width - 1))}…` : flat.padEnd(width);
}
