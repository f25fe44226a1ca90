import { types } from 'node:util';
import { Script } from 'node:vm';
import { type Api, connect, createCmlapi, explainNotAFunction } from '../api/index.js';
import { formatTransportEvent } from '../client/index.js';
import { CmlUsageError, describeError, errorJson, exitCodeOf } from '../errors/index.js';
import { colourEnabled } from '../present/index.js';
import { formatResult, toJsonText } from './format-result.js';
import { REPL_HINTS } from './hints.js';
import { ProgressLine } from './progress-line.js';
import { pythonKeywordFix, pythonKeywordHint } from './python-keywords.js';
import { redactSecrets } from './secrets.js';
import type { ScriptOptions } from './shell-options.js';

type ScriptFunction = (api: unknown, cmlapi?: unknown, args?: readonly string[]) => Promise<unknown>;

const AsyncFunction = Object.getPrototypeOf(async () => {}).constructor as new (
  ...args: string[]
) => ScriptFunction;

/** `-e` prints no prompt, so a page with more says how to get them all. */
const MORE_PAGES = 'more pages: use .all() or cmlsh call --all';

/** Split points tried for the last expression of code with top-level await, at most. */
const MAX_SPLITS = 500;

/**
 * Compiles `-e` code so that, as at the prompt, the value of its last statement is the
 * result and `await` works at the top. Code without top-level await runs by direct eval,
 * which gives the completion value exactly as `node -i` prints it (`if (c) {} 5` gives 5).
 * Code with it runs in an async function: first as one expression, then with the longest
 * tail after a `;`, `}` or line break that compiles as an expression returned, else as
 * plain statements.
 *
 * @throws CmlUsageError (exit 2) when the code does not compile: "Syntax error in the -e code: …".
 */
export function compileScript(code: string): ScriptFunction {
  const fix = pythonKeywordFix(code);
  if (fix) throw new CmlUsageError(pythonKeywordHint(fix));
  const scriptError = compileError(() => new Script(code));
  if (!scriptError) {
    const run = new AsyncFunction('api', 'cmlapi', '__cmlshCode', 'return eval(__cmlshCode);') as unknown as (
      api: unknown,
      cmlapi: unknown,
      code: string,
    ) => Promise<unknown>;
    return (api, cmlapi) => run(api, cmlapi, code);
  }
  const source = code.trim().replace(/;+$/, '');
  const splits: number[] = [];
  for (let at = 0; at < source.length; at++) if (/[;}\n]/.test(source[at] ?? '')) splits.push(at + 1);
  const attempts = [`return (${source}\n);`];
  for (const at of splits.slice(-MAX_SPLITS)) {
    const tail = source.slice(at).trim();
    if (tail) attempts.push(`${source.slice(0, at)}\nreturn (${tail}\n);`);
  }
  attempts.push(source);
  let lastError: unknown;
  for (const body of attempts) {
    try {
      return new AsyncFunction('api', 'cmlapi', body);
    } catch (error) {
      lastError = error;
    }
  }
  // The script's own message is the clearer one ("Unexpected end of input" where the async
  // function, closed by a `}` of its own, says "Unexpected token '}'"), unless it is
  // only about the top-level await the async function allows.
  const error = /\bawait\b/.test(messageOf(scriptError)) ? lastError : scriptError;
  const reason = messageOf(error);
  throw new CmlUsageError(`Syntax error in the -e code: ${reason}`);
}

/** Lines V8 puts before the body of an AsyncFunction: stack lines of a file are off by these. */
const FUNCTION_HEADER_LINES = 2;

/**
 * Compiles a script file for `cmlsh run FILE`: its statements as they are, with `await`
 * at the top and `api`, `cmlapi` and `args` (the words after the file name) in scope. A
 * `#!` first line is skipped; stack lines name the file and its own line numbers.
 * @throws CmlUsageError (exit 2) when it does not compile: "Syntax error in FILE:LINE: …".
 */
export function compileFile(code: string, file: string): ScriptFunction {
  const source = code.replace(/^#!.*/, '');
  try {
    return new AsyncFunction('api', 'cmlapi', 'args', `${source}\n//# sourceURL=${file}`);
  } catch (error) {
    // The function constructor gives no line; the same text as a script does.
    const wrapped = compileError(() => new Script(`(async () => {\n${source}\n})`, { filename: file }));
    const line = /:(\d+)\n/.exec((wrapped as Error | undefined)?.stack ?? '')?.[1];
    const where = line ? `${file}:${Number(line) - 1}` : file;
    throw new CmlUsageError(`Syntax error in ${where}: ${messageOf(error)}`);
  }
}

/** `FILE:LINE: ` of the first stack line in the script file, for an error it threw. */
function locationIn(error: unknown, file: string): string {
  const stack = error instanceof Error || types.isNativeError(error) ? ((error as Error).stack ?? '') : '';
  const escaped = file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const line = new RegExp(`${escaped}:(\\d+):\\d+`).exec(stack)?.[1];
  return line ? `${file}:${Number(line) - FUNCTION_HEADER_LINES}: ` : '';
}

/**
 * Runs `cmlsh -e CODE`: evaluates CODE with `api` in scope and prints its result (a table
 * for people, or JSON). Ctrl+C aborts pending calls.
 *
 * @returns the exit code: 0, or the error's (2 for a syntax error in CODE). The error goes
 *   to errorOutput as one line, or with `json` as one JSON line `{"error":{"name","message",…}}`.
 */
export async function runScript(code: string, options: ScriptOptions): Promise<number> {
  const output = options.output ?? process.stdout;
  const errorOutput = options.errorOutput ?? process.stderr;
  const verbose = Boolean(options.verbose);
  const json = options.json === true;
  const secrets = options.connect.token ? [options.connect.token] : [];
  const controller = new AbortController();
  // The first Ctrl+C cancels pending calls (the script then fails with exit 130); a second
  // one leaves at once, for scripts stuck in something no signal reaches.
  const onSigint = () => {
    if (controller.signal.aborted) process.exit(130);
    controller.abort();
  };
  process.on('SIGINT', onSigint);
  let connected: Api | undefined;
  try {
    // Before connecting: a typo costs no network.
    const file = options.file;
    const script = file ? compileFile(code, file.path) : compileScript(code);
    const { api } = await connect({
      ...options.connect,
      onWarning: options.connect.onWarning ?? ((message) => errorOutput.write(`warning: ${message}\n`)),
      onEvent:
        options.connect.onEvent ??
        (verbose ? (event) => errorOutput.write(`${formatTransportEvent(event)}\n`) : undefined),
      defaultSignal: () => controller.signal,
      onWaitProgress: options.connect.onWaitProgress ?? stderrProgress(errorOutput),
    });
    connected = api;
    const result = await script(api, createCmlapi(api), file?.args ?? []);
    // A file says what it wants printed; -e prints its value, as the prompt would.
    if (!file) print(result, json, output, secrets);
    return 0;
  } catch (thrown) {
    const error = (connected && explainNotAFunction(thrown, connected)) || thrown;
    const where = options.file && !verbose ? locationIn(thrown, options.file.path) : '';
    const text = json ? errorJson(error, REPL_HINTS) : `${where}${describeError(error, verbose, REPL_HINTS)}`;
    errorOutput.write(`${redactSecrets(text, secrets)}\n`);
    return exitCodeOf(error);
  } finally {
    process.off('SIGINT', onSigint);
  }
}

function print(
  value: unknown,
  json: boolean,
  output: NodeJS.WritableStream,
  secrets: readonly string[],
): void {
  if (value === undefined) return;
  const tty = Boolean((output as { isTTY?: boolean }).isTTY);
  if (value instanceof Uint8Array && !json && !tty) {
    // Bytes to a pipe or file go out as they are: `cmlsh -e '...download...' > file` works.
    output.write(value);
    return;
  }
  const width = (output as { columns?: number }).columns;
  const text = json
    ? toJsonText(value)
    : formatResult(value, { json: false, colors: colourEnabled(output), width, more: MORE_PAGES });
  output.write(`${redactSecrets(text, secrets)}\n`);
}

/** A wait's live line on a terminal's stderr; nothing in a pipe or file, where it would be noise. */
function stderrProgress(errorOutput: NodeJS.WritableStream) {
  const tty = Boolean((errorOutput as { isTTY?: boolean }).isTTY);
  return tty
    ? new ProgressLine({ output: errorOutput, tty, colors: !process.env.NO_COLOR }).update
    : undefined;
}

/** What compiling throws, or undefined when it compiles. */
function compileError(compile: () => unknown): unknown {
  try {
    compile();
    return undefined;
  } catch (error) {
    return error ?? new Error('does not compile');
  }
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
