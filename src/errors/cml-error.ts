import type { HintKind } from './hint.js';

export interface CmlErrorOptions extends ErrorOptions {
  /** What the user can do about it; the surface that shows the error words it. */
  readonly hint?: HintKind | undefined;
}

/**
 * Base of every error cmlsh raises on purpose. Each carries a process exit code and a
 * message written for the person at the keyboard: what went wrong; what to do next comes
 * as a `hint` kind the surface words in its own terms.
 */
export class CmlError extends Error {
  override name = 'CmlError';
  /** Exit code a one-shot command ends with when this error reaches the edge. */
  readonly exitCode: number = 1;
  readonly hint: HintKind | undefined;

  constructor(message?: string, options?: CmlErrorOptions) {
    super(message, options);
    this.hint = options?.hint;
  }
}

/** True for any CmlError, also across module copies (matched by name as ky does). */
export function isCmlError(value: unknown): value is CmlError {
  return (
    value instanceof CmlError ||
    (value instanceof Error && value.name.startsWith('Cml') && 'exitCode' in value)
  );
}
