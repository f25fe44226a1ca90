import { connect } from '../api/index.js';
import { describeError, exitCodeOf } from '../errors/index.js';
import { formatResult, toJsonText } from './format-result.js';
import { redactSecrets } from './secrets.js';
import type { ScriptOptions } from './shell-options.js';
import { formatTransportEvent } from './transport-log.js';

type ScriptFunction = (api: unknown) => Promise<unknown>;

const AsyncFunction = Object.getPrototypeOf(async () => {}).constructor as new (
  ...args: string[]
) => ScriptFunction;

/**
 * Compiles `-e` code so that, as at the prompt, the value of its last expression is the
 * result and `await` works at the top: first as one expression, then with the text after
 * the last top-level `;` as the returned expression, else as plain statements.
 */
export function compileScript(code: string): ScriptFunction {
  const source = code.trim().replace(/;+$/, '');
  const attempts = [`return (${source}\n);`];
  for (
    let at = source.lastIndexOf(';');
    at > 0 && attempts.length < 20;
    at = source.lastIndexOf(';', at - 1)
  ) {
    const tail = source.slice(at + 1).trim();
    if (tail) attempts.push(`${source.slice(0, at + 1)}\nreturn (${tail}\n);`);
  }
  attempts.push(source);
  let lastError: unknown;
  for (const body of attempts) {
    try {
      return new AsyncFunction('api', body);
    } catch (error) {
      lastError = error;
    }
  }
  throw lastError;
}

/**
 * Runs `cmlsh -e CODE`: evaluates CODE with `api` in scope and prints its result (a table
 * for people, or JSON). Ctrl+C aborts pending calls.
 *
 * @returns the exit code: 0, or the error's (one line on errorOutput via describeError).
 */
export async function runScript(code: string, options: ScriptOptions): Promise<number> {
  const output = options.output ?? process.stdout;
  const errorOutput = options.errorOutput ?? process.stderr;
  const verbose = Boolean(options.verbose);
  const secrets = options.connect.token ? [options.connect.token] : [];
  const controller = new AbortController();
  // The first Ctrl+C cancels pending calls (the script then fails with exit 130); a second
  // one leaves at once, for scripts stuck in something no signal reaches.
  const onSigint = () => {
    if (controller.signal.aborted) process.exit(130);
    controller.abort();
  };
  process.on('SIGINT', onSigint);
  try {
    const { api } = await connect({
      ...options.connect,
      onWarning: options.connect.onWarning ?? ((message) => errorOutput.write(`warning: ${message}\n`)),
      onEvent:
        options.connect.onEvent ??
        (verbose ? (event) => errorOutput.write(`${formatTransportEvent(event)}\n`) : undefined),
      defaultSignal: () => controller.signal,
    });
    const result = await compileScript(code)(api);
    print(result, options.json === true, output, secrets);
    return 0;
  } catch (error) {
    errorOutput.write(`${redactSecrets(describeError(error, verbose), secrets)}\n`);
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
  const text = json
    ? toJsonText(value)
    : formatResult(value, { json: false, colors: tty, width: (output as { columns?: number }).columns });
  output.write(`${redactSecrets(text, secrets)}\n`);
}
