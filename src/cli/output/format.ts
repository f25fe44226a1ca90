/** Output formats of `cmlsh call`. */
export const OUTPUT_FORMATS = ['json', 'jsonl', 'yaml', 'table', 'csv'] as const;
export type OutputFormat = (typeof OUTPUT_FORMATS)[number];

/** table on a terminal, json in a pipe. */
export function defaultFormat(stdout: { isTTY?: boolean } = process.stdout): OutputFormat {
  return stdout.isTTY ? 'table' : 'json';
}

/** A value as plain JSON data (class instances such as Page become their enumerable fields). */
export function plain(value: unknown): unknown {
  return value === undefined ? null : JSON.parse(toJson(value));
}

/**
 * A value as JSON text (`null` for undefined), bigints as strings. Tries without a replacer
 * first: a replacer function costs a call per key, twice the time of the whole stringify
 * for `call --all`, and data parsed from the wire never holds a bigint.
 */
export function toJson(value: unknown, indent?: number): string {
  try {
    return JSON.stringify(value ?? null, null, indent);
  } catch (error) {
    if (!(error instanceof TypeError)) throw error;
    return JSON.stringify(value ?? null, bigintSafe, indent);
  }
}

/** JSON.stringify replacer: bigints as strings (int64 ids survive). */
function bigintSafe(_key: string, value: unknown): unknown {
  return typeof value === 'bigint' ? value.toString() : value;
}

/** A cell's text: scalars as they are, objects and arrays as compact JSON. */
export function cellText(value: unknown): string {
  if (value === undefined || value === null) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'object') return toJson(value);
  return String(value);
}
