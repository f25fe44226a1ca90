/** Output formats of `cmlsh call`. */
export const OUTPUT_FORMATS = ['json', 'jsonl', 'yaml', 'table', 'csv'] as const;
export type OutputFormat = (typeof OUTPUT_FORMATS)[number];

/** table on a terminal, json in a pipe. */
export function defaultFormat(stdout: { isTTY?: boolean } = process.stdout): OutputFormat {
  return stdout.isTTY ? 'table' : 'json';
}

/** A value as plain JSON data (class instances such as Page become their enumerable fields). */
export function plain(value: unknown): unknown {
  return value === undefined ? null : JSON.parse(JSON.stringify(value, bigintSafe));
}

/** JSON.stringify replacer: bigints as strings (int64 ids survive). */
export function bigintSafe(_key: string, value: unknown): unknown {
  return typeof value === 'bigint' ? value.toString() : value;
}

/** A cell's text: scalars as they are, objects and arrays as compact JSON. */
export function cellText(value: unknown): string {
  if (value === undefined || value === null) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'object') return JSON.stringify(value, bigintSafe);
  return String(value);
}
