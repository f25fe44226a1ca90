/**
 * How much cmlsh takes in before it stops reading: a hostile or broken server must not be
 * able to fill the machine's memory or overflow the stack of whatever prints its answer.
 * docs/security.md lists them; the CLI's environment can raise the response limit.
 */

/** Largest answer read into memory (downloads included): 256 MiB. */
export const MAX_RESPONSE_BYTES = 256 * 1024 * 1024;

/** Deepest JSON nesting accepted; CML's own answers and spec stay under 10. */
export const MAX_JSON_DEPTH = 200;
