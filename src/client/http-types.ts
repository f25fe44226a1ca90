import type { WireHeaders } from './wire.js';

/** A request as the api layer hands it to the transport: already checked and encoded. */
export interface HttpRequest {
  readonly method: string;
  /** Path with parameters filled in and encoded: `/api/v2/projects/abc/jobs`. */
  readonly path: string;
  readonly query?: ReadonlyArray<readonly [string, string]> | undefined;
  readonly json?: unknown;
  readonly form?: FormData | undefined;
  /** The operation's name, for error messages. */
  readonly operation?: string | undefined;
  /** Safe to send twice: only these are retried after a failure. */
  readonly idempotent: boolean;
}

export interface RequestOptions {
  readonly signal?: AbortSignal | undefined;
  /** Bounds the whole call (tries, waits, body) in ms; overrides the transport's. */
  readonly timeoutMs?: number | undefined;
  /** Largest answer read, in bytes; overrides the transport's. */
  readonly maxResponseBytes?: number | undefined;
}

export interface HttpResponse {
  readonly status: number;
  readonly headers: WireHeaders;
  /** Parsed JSON, or the raw bytes when the answer is not JSON. */
  readonly data: unknown;
  /** How many tries it took. */
  readonly tries: number;
}
