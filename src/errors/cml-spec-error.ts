import { CmlError } from './cml-error.js';

/** An API specification could not be read or is not a Swagger 2.0 / OpenAPI document. */
export class CmlSpecError extends CmlError {
  override name = 'CmlSpecError';
  /** Where the spec came from: a file path, a URL or "workspace". */
  readonly source: string;

  constructor(message: string, source: string, options?: ErrorOptions) {
    super(message, options);
    this.source = source;
  }
}
