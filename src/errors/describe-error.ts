import { types } from 'node:util';
import { isCmlError } from './cml-error.js';

/**
 * Turns anything thrown into one line a person can act on. The single place where
 * `unknown` becomes a message: edges (bin, REPL, browser) print what this returns.
 */
export function describeError(error: unknown, verbose = false): string {
  if (isCmlError(error)) return verbose && error.stack ? error.stack : error.message;
  // isNativeError: an Error from another realm (typed at the REPL's prompt) is still one.
  if (error instanceof Error || types.isNativeError(error)) {
    if (verbose && error.stack) return error.stack;
    return `${error.name === 'Error' ? 'Error' : error.name}: ${error.message}`;
  }
  return `Error: ${String(error)}`;
}

/** Exit code for a thrown value: a CmlError's own, 1 for anything else. */
export function exitCodeOf(error: unknown): number {
  return isCmlError(error) ? error.exitCode : 1;
}

/**
 * The error as one line of JSON, `{"error":{"name","message","status","code"}}`: what
 * `cmlsh call -o json` and `cmlsh -e --json` print on stderr for scripts to parse.
 */
export function errorJson(error: unknown): string {
  const name = error instanceof Error ? error.name : 'Error';
  const fields = error as { status?: unknown; code?: unknown };
  const status = isCmlError(error) && typeof fields.status === 'number' ? fields.status : undefined;
  const code = isCmlError(error) && typeof fields.code === 'number' ? fields.code : undefined;
  return JSON.stringify({ error: { name, message: describeError(error, false), status, code } });
}
