import { CmlError } from './cml-error.js';
import { describeRequest, type RequestInfo } from './request-info.js';

/** The request took longer than its timeout; the server may still have acted on it. */
export class CmlTimeoutError extends CmlError {
  override name = 'CmlTimeoutError';
  readonly request: RequestInfo;
  readonly timeoutMs: number;

  constructor(request: RequestInfo, timeoutMs: number) {
    super(
      `Timed out after ${timeoutMs} ms — ${describeRequest(request)}. Raise it with --timeout or check the host answers`,
    );
    this.request = request;
    this.timeoutMs = timeoutMs;
  }
}
