import { redactSecrets } from '../client/redact.js';
import { describeError, errorJson, exitCodeOf } from '../errors/index.js';
import { colourEnabled, palette, safeJson, safeLine, safeText } from '../present/index.js';
import { CLI_HINTS } from './hints.js';

/** Secrets of this run (the resolved key): masked in anything printed on stderr. */
const secrets = new Set<string>();

/** Registers a secret to mask in every error and warning this process prints. */
export function keepSecret(secret: string): void {
  secrets.add(secret);
}

function redact(text: string): string {
  return redactSecrets(text, secrets);
}

/**
 * Prints an error at the edge as one line on stderr (as JSON when the user asked for JSON
 * output, so scripts can parse it) and sets the exit code. stdout stays for results only.
 */
export function reportError(error: unknown, options: { json?: boolean; verbose?: boolean } = {}): void {
  // A server may echo what it was sent; the key never reaches the screen through it.
  // Server text in a message is shown, never obeyed by the terminal (escape sequences made visible).
  const message = redact(describeError(error, options.verbose ?? false, CLI_HINTS));
  if (options.json) {
    process.stderr.write(`${safeJson(redact(errorJson(error, CLI_HINTS)))}\n`);
  } else {
    const line = options.verbose ? safeText(message) : safeLine(message);
    process.stderr.write(`${palette(colourEnabled(process.stderr)).error(line)}\n`);
  }
  process.exitCode = exitCodeOf(error);
}

/** Prints a warning line on stderr. */
export function warn(message: string): void {
  process.stderr.write(`${safeLine(redact(message)).trim()}\n`);
}
