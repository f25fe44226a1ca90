import { CmlError } from './cml-error.js';
import { describeRequest, type RequestInfo } from './request-info.js';

/**
 * The server answered, but with something cmlsh cannot use: JSON that does not parse or
 * nests absurdly deep, an answer over the size limit, a list field that is not a list, a
 * page token that leads back where paging already was. Never retried: asking again gets
 * the same answer.
 */
export class CmlResponseError extends CmlError {
  override name = 'CmlResponseError';
  readonly request: RequestInfo;
  readonly status: number | undefined;

  constructor(problem: string, request: RequestInfo, options?: ErrorOptions & { status?: number }) {
    super(`The server ${problem} — ${describeRequest(request)}`, options);
    this.request = request;
    this.status = options?.status;
  }
}
