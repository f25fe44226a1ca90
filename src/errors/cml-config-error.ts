import { CmlError } from './cml-error.js';

/** Settings are missing or malformed: host, token, profile, config file. */
export class CmlConfigError extends CmlError {
  override name = 'CmlConfigError';
  override readonly exitCode = 2;
}
