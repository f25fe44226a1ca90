import {
  CmlAbortError,
  CmlApiError,
  CmlResponseError,
  CmlTimeoutError,
  type RequestInfo,
} from '../errors/index.js';
import { abortableSleep } from './abortable-sleep.js';
import { apiErrorFromResponse } from './api-error-from-response.js';
import { classifyNetworkFailure, networkError } from './classify-failure.js';
import { deadlineSignal } from './deadline-signal.js';
import { decodeBody } from './decode-body.js';
import type { HttpRequest, HttpResponse, RequestOptions } from './http-types.js';
import { MAX_JSON_DEPTH, MAX_RESPONSE_BYTES } from './limits.js';
import { createNodeWire } from './node-wire.js';
import { BodyError, readBody } from './read-body.js';
import { redactHeaders } from './redact.js';
import { trackSend } from './requests-sent.js';
import {
  DEFAULT_RETRY,
  parseRetryAfter,
  RETRY_STATUSES,
  type RetryPolicy,
  retryDelay,
} from './retry-policy.js';
import type { Wire } from './wire.js';

/** What the transport reports as it works, for `--verbose`. Headers are already redacted. */
export type TransportEvent =
  | { type: 'request'; method: string; url: string; headers: Record<string, string>; try: number }
  | { type: 'response'; method: string; url: string; status: number; ms: number }
  | { type: 'retry'; method: string; url: string; reason: string; waitMs: number; try: number };

export interface TransportOptions {
  /** Workspace base URL, already normalised (see normaliseHost). */
  readonly baseUrl: string;
  /** The API key. Kept in a closure: never a property anyone can print. */
  readonly token?: string | undefined;
  /** Bounds a whole call, every try, wait and byte of the body included (default 30 s). */
  readonly timeoutMs?: number | undefined;
  readonly retry?: Partial<RetryPolicy> | undefined;
  /** Largest answer read into memory (default MAX_RESPONSE_BYTES). */
  readonly maxResponseBytes?: number | undefined;
  /** How requests go out: TLS or proxy settings applied (tls-wire.ts); Node's http otherwise. */
  readonly wire?: Wire | undefined;
  readonly userAgent?: string | undefined;
  readonly onEvent?: ((event: TransportEvent) => void) | undefined;
}

/** The one way requests reach the wire. */
export interface Transport {
  readonly baseUrl: string;
  request(request: HttpRequest, options?: RequestOptions): Promise<HttpResponse>;
  /**
   * GET an absolute URL and parse JSON (specs). The key goes along only when the URL lies
   * in this workspace; anywhere else gets the same TLS, proxy and timeout, without it.
   */
  getJson(url: string, options?: RequestOptions): Promise<unknown>;
}

/** Why a try failed, when another may succeed. */
interface Failure {
  readonly reason: string;
  readonly retryAfterMs?: number | undefined;
  readonly error: (tries: number, retryAfterMs?: number) => Error;
}

/**
 * Creates the HTTP transport over a wire (wire.ts), with one retry loop: idempotent requests are tried
 * again on 429/502/503/504, resets and bodies cut short, any request on 429 (the server did
 * not process it). One deadline (the timeout) bounds the whole call, body and waits
 * included; a wait that would pass it is not started.
 */
export function createTransport(options: TransportOptions): Transport {
  const baseUrl = options.baseUrl.replace(/\/+$/, '');
  const policy: RetryPolicy = { ...DEFAULT_RETRY, ...options.retry };
  const defaultTimeout = options.timeoutMs ?? 30_000;
  const wire = options.wire ?? defaultWire();
  const anonymousHeaders: Record<string, string> = { accept: 'application/json' };
  if (options.userAgent) anonymousHeaders['user-agent'] = options.userAgent;
  const headers = options.token
    ? { ...anonymousHeaders, authorization: `Bearer ${options.token}` }
    : anonymousHeaders;
  const emit = options.onEvent ?? (() => {});

  async function send(
    request: HttpRequest,
    requestOptions: RequestOptions,
    sent: Record<string, string>,
  ): Promise<HttpResponse> {
    const url = buildUrl(baseUrl, request);
    const info: RequestInfo = { method: request.method, url, operation: request.operation };
    const timeout = requestOptions.timeoutMs ?? defaultTimeout;
    const limit = requestOptions.maxResponseBytes ?? options.maxResponseBytes ?? MAX_RESPONSE_BYTES;
    const user = requestOptions.signal;
    const deadline = deadlineSignal(user, timeout);
    const signal = deadline.signal;
    const started = Date.now();
    const body = encodeBody(request);
    const stopped = (tries: number): Error =>
      user?.aborted
        ? new CmlAbortError(`Cancelled: ${info.operation ?? `${info.method} ${url}`}`)
        : new CmlTimeoutError(info, timeout, { tries });

    try {
      for (let attempt = 1; ; attempt++) {
        // Built only when someone listens (--verbose): redacting costs nothing otherwise.
        if (options.onEvent) {
          emit({ type: 'request', method: request.method, url, headers: redactHeaders(sent), try: attempt });
        }
        let failure: Failure;
        try {
          const tryStarted = Date.now();
          const response = await trackSend((onSent) =>
            wire(url, {
              method: request.method,
              headers: body.type ? { ...sent, 'content-type': body.type } : sent,
              signal,
              body: body.data,
              onSent,
            }),
          );
          emit({
            type: 'response',
            method: request.method,
            url,
            status: response.status,
            ms: Date.now() - tryStarted,
          });
          if (response.status >= 300 && response.status < 400) {
            // Left unread: no use for it.
            response.cancel();
            throw new CmlResponseError(
              redirected(response.status, response.headers.get('location'), url),
              info,
              {
                status: response.status,
              },
            );
          }
          const bytes = await readBody(response, limit, signal);
          const ok = response.status >= 200 && response.status < 300;
          const data = decodeBody(response.headers, bytes, ok, MAX_JSON_DEPTH);
          if (ok) return { status: response.status, headers: response.headers, data, tries: attempt };
          const error = (tries: number, retryAfterMs?: number) =>
            apiErrorFromResponse(response.status, data, info, tries, response, retryAfterMs);
          const retryable =
            RETRY_STATUSES.has(response.status) && (request.idempotent || response.status === 429);
          if (!retryable) throw error(attempt);
          failure = {
            reason: `HTTP ${response.status}`,
            retryAfterMs: parseRetryAfter(response.headers.get('retry-after')),
            error,
          };
        } catch (error) {
          if (error instanceof CmlApiError || error instanceof CmlResponseError) throw error;
          if (signal.aborted) throw stopped(attempt);
          if (error instanceof BodyError) {
            if (!error.transient) throw new CmlResponseError(error.message, info, { cause: error });
            const classified = classifyNetworkFailure(error);
            if (!request.idempotent) throw networkError(classified, info, attempt);
            failure = { reason: error.message, error: (tries) => networkError(classified, info, tries) };
          } else {
            const classified = classifyNetworkFailure(error);
            if (!classified.transient || !request.idempotent) throw networkError(classified, info, attempt);
            failure = { reason: classified.reason, error: (tries) => networkError(classified, info, tries) };
          }
        }
        const left = timeout - (Date.now() - started);
        if (failure.retryAfterMs !== undefined && failure.retryAfterMs > left) {
          // Waiting would outlive the call: say so now rather than fail silently later.
          throw failure.error(attempt, failure.retryAfterMs);
        }
        const waitMs = retryDelay(policy, attempt, failure.retryAfterMs);
        if (attempt >= policy.tries || waitMs >= left) throw failure.error(attempt);
        emit({ type: 'retry', method: request.method, url, reason: failure.reason, waitMs, try: attempt });
        try {
          await abortableSleep(waitMs, signal);
        } catch {
          throw stopped(attempt);
        }
      }
    } finally {
      deadline.dispose();
    }
  }

  return {
    baseUrl,
    request: (request, requestOptions = {}) => send(request, requestOptions, headers),
    async getJson(url, requestOptions = {}) {
      // The key is for this workspace only: a spec URL elsewhere is fetched without it.
      const sent = sameWorkspace(url, baseUrl) ? headers : anonymousHeaders;
      const response = await send({ method: 'GET', path: url, idempotent: true }, requestOptions, sent);
      if (response.data instanceof Uint8Array) {
        throw new CmlResponseError(
          `sent ${response.headers.get('content-type') || 'something'} where JSON was expected`,
          { method: 'GET', url },
          { status: response.status },
        );
      }
      return response.data;
    },
  };
}

/**
 * What a redirect is told as. The wire does not follow one (node-wire.ts): an API answer is
 * never a redirect, and the key would go along to wherever it points.
 */
function redirected(status: number, location: string | null, url: string): string {
  if (!location) return `answered HTTP ${status}, a redirect, without saying where to`;
  let target: URL;
  try {
    target = new URL(location, url);
  } catch {
    return `answered HTTP ${status}, a redirect to ${JSON.stringify(location)}, which is not a URL`;
  }
  const moved = target.origin !== new URL(url).origin;
  return `answered HTTP ${status}, a redirect to ${target.href}, which is not followed${
    moved ? `: if the workspace has moved, connect to ${target.origin} instead` : ''
  }`;
}

let sharedWire: Wire | undefined;
/** One wire for every transport without settings of its own: they share its connections. */
function defaultWire(): Wire {
  sharedWire ??= createNodeWire();
  return sharedWire;
}

/** True when `url` lies under the workspace's base URL: same origin, same path prefix. */
function sameWorkspace(url: string, baseUrl: string): boolean {
  try {
    const target = new URL(url);
    const base = new URL(baseUrl);
    return (
      target.origin === base.origin &&
      `${target.pathname}/`.startsWith(`${base.pathname.replace(/\/+$/, '')}/`)
    );
  } catch {
    return false;
  }
}

function buildUrl(baseUrl: string, request: HttpRequest): string {
  const url = /^https?:\/\//.test(request.path) ? request.path : `${baseUrl}${request.path}`;
  if (!request.query?.length) return url;
  const search = new URLSearchParams();
  for (const [name, value] of request.query) search.append(name, value);
  return `${url}?${search.toString()}`;
}

/** The body once for all tries: JSON text, or the form (the wire encodes it anew per try). */
function encodeBody(request: HttpRequest): { data?: string | FormData; type?: string } {
  if (request.json !== undefined) return { data: JSON.stringify(request.json), type: 'application/json' };
  if (request.form) return { data: request.form };
  return {};
}
