import { isCmlError } from './cml-error.js';

/**
 * Turns anything thrown into one line a person can act on. The single place where
 * `unknown` becomes a message: edges (bin, REPL, browser) print what this returns.
 */
export function describeError(error: unknown, verbose = false): string {
  if (isCmlError(error)) return verbose && error.stack ? error.stack : error.message;
  if (error instanceof Error) {
    if (verbose && error.stack) return error.stack;
    return `${error.name === 'Error' ? 'Error' : error.name}: ${error.message}`;
  }
  return `Error: ${String(error)}`;
}

/** Exit code for a thrown value: a CmlError's own, 1 for anything else. */
export function exitCodeOf(error: unknown): number {
  return isCmlError(error) ? error.exitCode : 1;
}
