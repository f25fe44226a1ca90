import { CmlError } from './cml-error.js';

/** The caller asked for something that cannot be sent: wrong name, missing or mistyped value. */
export class CmlUsageError extends CmlError {
  override name = 'CmlUsageError';
  override readonly exitCode = 2;
}
