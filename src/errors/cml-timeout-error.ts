import { CmlError } from './cml-error.js';
import { formatDuration } from './format-duration.js';
import { describeRequest, type RequestInfo } from './request-info.js';

/**
 * The call took longer than its timeout, which bounds the whole answer (body and retries
 * included). The server may still have acted on it.
 */
export class CmlTimeoutError extends CmlError {
  override name = 'CmlTimeoutError';
  readonly request: RequestInfo;
  readonly timeoutMs: number;

  constructor(request: RequestInfo, timeoutMs: number, options?: ErrorOptions & { tries?: number }) {
    const tries = options?.tries && options.tries > 1 ? ` (${options.tries} tries)` : '';
    super(`Timed out after ${formatDuration(timeoutMs)}${tries} — ${describeRequest(request)}`, {
      ...options,
      hint: 'timeout',
    });
    this.request = request;
    this.timeoutMs = timeoutMs;
  }
}
