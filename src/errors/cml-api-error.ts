import { CmlError } from './cml-error.js';
import { describeRequest, type RequestInfo } from './request-info.js';

/** gRPC status names, which CML returns as `code` in its runtimeError body. */
const GRPC_CODES = [
  'OK',
  'CANCELLED',
  'UNKNOWN',
  'INVALID_ARGUMENT',
  'DEADLINE_EXCEEDED',
  'NOT_FOUND',
  'ALREADY_EXISTS',
  'PERMISSION_DENIED',
  'RESOURCE_EXHAUSTED',
  'FAILED_PRECONDITION',
  'ABORTED',
  'OUT_OF_RANGE',
  'UNIMPLEMENTED',
  'INTERNAL',
  'UNAVAILABLE',
  'DATA_LOSS',
  'UNAUTHENTICATED',
] as const;

export function grpcCodeName(code: number | undefined): string | undefined {
  return code === undefined ? undefined : GRPC_CODES[code];
}

export interface ApiErrorDetails {
  readonly status: number;
  readonly code?: number | undefined;
  readonly serverMessage: string;
  readonly request: RequestInfo;
  readonly body?: unknown;
  readonly tries?: number | undefined;
  /** The status line's reason phrase ("Not Found"), as the server sent it. */
  readonly reason?: string | undefined;
  readonly headers?: Readonly<Record<string, string>> | undefined;
}

/** The workspace answered with a non-2xx status. */
export class CmlApiError extends CmlError {
  override name = 'CmlApiError';
  readonly status: number;
  /** gRPC code from the runtimeError body, when the server sent one. */
  readonly code: number | undefined;
  readonly serverMessage: string;
  readonly request: RequestInfo;
  readonly body: unknown;
  readonly tries: number | undefined;
  /** As cmlapi's ApiException: the reason phrase and the response headers. */
  readonly reason: string;
  readonly headers: Readonly<Record<string, string>>;

  constructor(details: ApiErrorDetails, hint?: string) {
    const codeName = grpcCodeName(details.code);
    const code = details.code === undefined ? '' : ` (code ${details.code}${codeName ? ` ${codeName}` : ''})`;
    const tries = details.tries && details.tries > 1 ? ` after ${details.tries} tries` : '';
    super(
      `HTTP ${details.status}${code}: ${details.serverMessage || 'no message'} — ${describeRequest(details.request)}${tries}${hint ? `. ${hint}` : ''}`,
    );
    this.status = details.status;
    this.code = details.code;
    this.serverMessage = details.serverMessage;
    this.request = details.request;
    this.body = details.body;
    this.tries = details.tries;
    this.reason = details.reason ?? '';
    this.headers = details.headers ?? {};
  }
}
