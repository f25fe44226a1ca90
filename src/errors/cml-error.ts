/**
 * Base of every error cmlsh raises on purpose. Each carries a process exit code and a
 * message written for the person at the keyboard: what went wrong and what to do next.
 */
export class CmlError extends Error {
  override name = 'CmlError';
  /** Exit code a one-shot command ends with when this error reaches the edge. */
  readonly exitCode: number = 1;
}

/** True for any CmlError, also across module copies (matched by name as ky does). */
export function isCmlError(value: unknown): value is CmlError {
  return (
    value instanceof CmlError ||
    (value instanceof Error && value.name.startsWith('Cml') && 'exitCode' in value)
  );
}
