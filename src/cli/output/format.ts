import { safeJson, toJson } from '../../present/index.js';
import type { OutputFormat } from './formats.js';

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

export { OUTPUT_FORMATS, type OutputFormat } from './formats.js';

/** table on a terminal, json in a pipe. */
export function defaultFormat(stdout: { isTTY?: boolean } = process.stdout): OutputFormat {
  return stdout.isTTY ? 'table' : 'json';
}
