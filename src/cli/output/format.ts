export { plainData as plain, toJson } from '../../present/index.js';

/** Output formats of `cmlsh call`. */
export const OUTPUT_FORMATS = ['json', 'jsonl', 'yaml', 'table', 'csv'] as const;
export type OutputFormat = (typeof OUTPUT_FORMATS)[number];

/** table on a terminal, json in a pipe. */
export function defaultFormat(stdout: { isTTY?: boolean } = process.stdout): OutputFormat {
  return stdout.isTTY ? 'table' : 'json';
}
