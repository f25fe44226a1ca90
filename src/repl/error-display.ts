import type { EventEmitter } from 'node:events';
import type { REPLServer } from 'node:repl';
import { types } from 'node:util';
import { describeError } from '../errors/index.js';
import { colourEnabled, palette, safeText } from '../present/index.js';
import { REPL_HINTS } from './hints.js';
import { redactSecrets } from './secrets.js';

/** The REPL internals this module leans on; see installErrorDisplay for why. */
interface ReplInternals {
  _domain?: EventEmitter;
  lastError?: unknown;
  lines?: { level?: unknown[] };
}

/** Turns an error into a better one (a typo'd method into "did you mean"), or leaves it: undefined. */
export type ExplainError = (error: unknown) => unknown;

/** One line for anything thrown at the prompt; Ctrl+C in any of its forms reads "Cancelled". */
export function describeReplError(error: unknown, verbose: boolean, explain?: ExplainError): string {
  // Server text in a message is shown, never obeyed by the terminal.
  return safeText(describe(error, verbose, explain));
}

function describe(error: unknown, verbose: boolean, explain: ExplainError | undefined): string {
  if (isInterrupt(error)) return 'Cancelled';
  const better = explain?.(error);
  if (better) return describeError(better, verbose);
  // Errors thrown by code typed at the prompt come from the REPL's own context, another
  // realm, so `instanceof Error` fails for them and describeError would say "Error: TypeError: …".
  if (types.isNativeError(error) && !(error instanceof Error)) {
    const foreign = error as { name: string; message: string; stack?: string };
    return verbose && foreign.stack ? foreign.stack : `${foreign.name}: ${foreign.message}`;
  }
  return describeError(error, verbose, REPL_HINTS);
}

function isInterrupt(error: unknown): boolean {
  if (!error || typeof error !== 'object') return false;
  const { code, name } = error as { code?: unknown; name?: unknown };
  // Node's own answer to Ctrl+C during `await` (breakEvalOnSigint), and fetch's.
  return code === 'ERR_SCRIPT_EXECUTION_INTERRUPTED' || name === 'AbortError';
}

/**
 * Prints errors from the prompt as one line (stack only when verbose), without Node's
 * "Uncaught" prefix.
 *
 * Why this hook: on Node 20 every error of an evaluation, synchronous or from a rejected
 * top-level `await`, is emitted on the REPL's domain (`repl._domain`), and Node's single
 * 'error' listener there formats it with `writer` and prepends "Uncaught". There is no
 * public hook between the two: the eval callback is bypassed while a domain is active,
 * and a custom `eval` would lose top-level await. So we swap that one listener for ours,
 * which does what Node's does (record `_error`, print, clear the buffered command, show
 * the prompt). If a future Node changes the shape, we leave Node's listener in place and
 * the writer still turns errors into one line, only with Node's prefix.
 *
 * @returns whether the listener was replaced.
 */
export function installErrorDisplay(
  repl: REPLServer,
  verbose: boolean,
  secrets: readonly string[],
  explain?: ExplainError,
): boolean {
  const internals = repl as unknown as ReplInternals;
  const domain = internals._domain;
  if (!domain || typeof domain.on !== 'function' || domain.listenerCount('error') !== 1) return false;
  domain.removeAllListeners('error');
  domain.on('error', (error: unknown) => {
    internals.lastError = error;
    const line = redactSecrets(describeReplError(error, verbose, explain), secrets);
    // Errors in red on a terminal (NO_COLOR respected).
    repl.output.write(`${palette(colourEnabled(repl.output)).error(line)}\n`);
    repl.clearBufferedCommand();
    if (internals.lines && Array.isArray(internals.lines.level)) internals.lines.level = [];
    repl.displayPrompt();
  });
  return true;
}
