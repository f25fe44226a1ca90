import { safeJson, toJson } from '../../present/index.js';

export { plainData as plain, toJson } from '../../present/index.js';

/**
 * JSON text of a value for `sink`: to a terminal, C1 and bidi controls are written as
 * `\u009b` escapes (the same data once parsed, but inert on the screen); to a pipe or file
 * the text is exactly what JSON.stringify gives.
 */
export function jsonText(value: unknown, terminal: boolean, indent?: number): string {
  const text = toJson(value, indent);
  return terminal ? safeJson(text) : text;
}

/** Output formats of `cmlsh call`. */
export const OUTPUT_FORMATS = ['json', 'jsonl', 'yaml', 'table', 'csv'] as const;
export type OutputFormat = (typeof OUTPUT_FORMATS)[number];

/** table on a terminal, json in a pipe. */
export function defaultFormat(stdout: { isTTY?: boolean } = process.stdout): OutputFormat {
  return stdout.isTTY ? 'table' : 'json';
}
