import { extname } from 'node:path';
import { toCsv, toJson } from '../present/index.js';

/** The file formats `e` can write. */
export type ExportFormat = 'json' | 'jsonl' | 'csv';

/** The format a path asks for by its extension; JSON when it names none we know. */
export function formatFromPath(path: string): ExportFormat {
  const ext = extname(path).toLowerCase();
  if (ext === '.csv') return 'csv';
  if (ext === '.jsonl' || ext === '.ndjson') return 'jsonl';
  return 'json';
}

/** The file's contents: a JSON array, one JSON value per line, or CSV of the given columns. */
export function serialise(
  items: readonly unknown[],
  format: ExportFormat,
  columns: readonly string[],
): string {
  if (format === 'csv') return toCsv(items, columns);
  if (format === 'jsonl') return items.map((item) => `${toJson(item)}\n`).join('');
  return `${toJson(items, 2)}\n`;
}
