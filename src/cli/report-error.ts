import { CmlApiError, describeError, exitCodeOf } from '../errors/index.js';

/**
 * Prints an error at the edge as one line on stderr (as JSON when the user asked for JSON
 * output, so scripts can parse it) and sets the exit code. stdout stays for results only.
 */
export function reportError(error: unknown, options: { json?: boolean; verbose?: boolean } = {}): void {
  const message = describeError(error, options.verbose ?? false);
  if (options.json) {
    const name = error instanceof Error ? error.name : 'Error';
    const status = error instanceof CmlApiError ? error.status : undefined;
    const code = error instanceof CmlApiError ? error.code : undefined;
    const plain = describeError(error, false);
    process.stderr.write(`${JSON.stringify({ error: { name, message: plain, status, code } })}\n`);
  } else {
    process.stderr.write(`${options.verbose ? message : oneLine(message)}\n`);
  }
  process.exitCode = exitCodeOf(error);
}

/** Prints a warning line on stderr. */
export function warn(message: string): void {
  process.stderr.write(`${oneLine(message)}\n`);
}

function oneLine(text: string): string {
  return text.replace(/\s*\n\s*/g, ' ').trim();
}
