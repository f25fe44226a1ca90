import { cutToWidth, displayWidth, fitToWidth, safeLine } from '../present/index.js';
import { formatTable } from './format-table.js';

/** One operation as `.ops` and `cmlsh ops` list it. */
export interface OpRow {
  readonly name: string;
  readonly method: string;
  readonly path: string;
  readonly summary: string;
}

/**
 * `.ops` as a table; names and paths are what people copy, so they are never cut: where a
 * path would not fit in the table, each operation takes two lines (name and method, then
 * the whole path and as much of the summary as fits).
 */
export function opsText(rows: readonly OpRow[], width: number): string {
  const table = formatTable(rows, {
    columns: ['name', 'method', 'path', 'summary'],
    width,
    whole: ['name', 'method', 'path'],
  });
  if (!table.layout?.hidden.includes('path')) return table.text;
  const nameWidth = Math.max(...rows.map((row) => displayWidth(row.name)));
  return rows
    .map((row) => {
      const head = `${fitToWidth(row.name, nameWidth)}  ${row.method}`;
      const path = `    ${safeLine(row.path)}`;
      const room = width - displayWidth(path) - 2;
      const summary = room >= 10 && row.summary ? `  ${cutToWidth(safeLine(row.summary), room)}` : '';
      return `${head}\n${path}${summary}`;
    })
    .join('\n');
}
