import { CmlError, type CmlErrorOptions } from './cml-error.js';
import { describeRequest, type RequestInfo } from './request-info.js';

/** No HTTP answer at all: DNS, refused or reset connection, TLS failure. */
export class CmlNetworkError extends CmlError {
  override name = 'CmlNetworkError';
  readonly request: RequestInfo;
  readonly tries: number | undefined;

  constructor(reason: string, request: RequestInfo, options?: CmlErrorOptions & { tries?: number }) {
    const tries = options?.tries && options.tries > 1 ? ` after ${options.tries} tries` : '';
    super(`Network error: ${reason} — ${describeRequest(request)}${tries}`, options);
    this.request = request;
    this.tries = options?.tries;
  }
}
