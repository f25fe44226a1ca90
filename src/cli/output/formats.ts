// Apart from format.ts so that the fast paths of main.ts name the formats without loading
// the presentation module (and through it the spec) before they know they need it.

/** Output formats of `cmlsh call`. */
export const OUTPUT_FORMATS = ['json', 'jsonl', 'yaml', 'table', 'csv'] as const;
export type OutputFormat = (typeof OUTPUT_FORMATS)[number];
