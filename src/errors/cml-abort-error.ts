import { CmlError } from './cml-error.js';

/** The user cancelled (Ctrl+C) or an AbortSignal fired. */
export class CmlAbortError extends CmlError {
  override name = 'CmlAbortError';
  override readonly exitCode = 130;

  constructor(message = 'Cancelled') {
    super(message);
  }
}
