import type { KyInstance } from 'ky';
import { CmlAbortError, CmlApiError, CmlTimeoutError, type RequestInfo } from '../errors/index.js';
import { abortableSleep } from './abortable-sleep.js';
import { apiErrorFromResponse } from './api-error-from-response.js';
import { classifyNetworkFailure, networkError } from './classify-failure.js';
import type { HttpRequest, HttpResponse, RequestOptions } from './http-types.js';
import { redactHeaders } from './redact.js';
import {
  DEFAULT_RETRY,
  parseRetryAfter,
  RETRY_STATUSES,
  type RetryPolicy,
  retryDelay,
} from './retry-policy.js';

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
  /** Per-try timeout in ms (default 30 s). */
  readonly timeoutMs?: number | undefined;
  readonly retry?: Partial<RetryPolicy> | undefined;
  /** A fetch with TLS/proxy settings applied (see client/tls); global fetch otherwise. */
  readonly fetch?: typeof fetch | undefined;
  readonly userAgent?: string | undefined;
  readonly onEvent?: ((event: TransportEvent) => void) | undefined;
}

/** The one way requests reach the wire. */
export interface Transport {
  readonly baseUrl: string;
  request(request: HttpRequest, options?: RequestOptions): Promise<HttpResponse>;
  /** GET an absolute URL on this workspace and parse JSON (the spec loader uses it). */
  getJson(url: string, options?: RequestOptions): Promise<unknown>;
}

/** One answer on the wire, before it is judged. */
interface Attempt {
  readonly status: number;
  readonly headers: Headers;
  readonly statusText: string;
  readonly data: unknown;
}

class BodyError extends Error {
  override name = 'BodyError';
}

/**
 * Creates the HTTP transport: ky for the requests, and a retry loop of our own around it,
 * because a retry must also cover what ky cannot see: a body cut short or reset after the
 * headers arrived. Only idempotent requests are retried, except on 429 (not processed).
 */
export function createTransport(options: TransportOptions): Transport {
  const baseUrl = options.baseUrl.replace(/\/+$/, '');
  const policy: RetryPolicy = { ...DEFAULT_RETRY, ...options.retry };
  const timeoutMs = options.timeoutMs ?? 30_000;
  const headers: Record<string, string> = { accept: 'application/json' };
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  if (options.userAgent) headers['user-agent'] = options.userAgent;
  // ky is imported on the first request, not at startup: importing it makes Node set up
  // its fetch implementation (~10-15 ms), which the shell does not need before its prompt.
  let client: Promise<KyInstance> | undefined;
  const kyClient = () => {
    client ??= import('ky').then(({ default: ky }) =>
      ky.create({
        headers,
        retry: 0,
        throwHttpErrors: false,
        ...(options.fetch ? { fetch: options.fetch } : {}),
      }),
    );
    return client;
  };
  const emit = options.onEvent ?? (() => {});

  async function once(url: string, request: HttpRequest, signal: AbortSignal | undefined, timeout: number) {
    const started = Date.now();
    const ky = await kyClient();
    const response = await ky(url, {
      method: request.method,
      timeout,
      ...(signal ? { signal } : {}),
      ...(request.json !== undefined ? { json: request.json } : {}),
      ...(request.form ? { body: request.form } : {}),
    });
    emit({
      type: 'response',
      method: request.method,
      url,
      status: response.status,
      ms: Date.now() - started,
    });
    let bytes: Uint8Array;
    try {
      bytes = new Uint8Array(await response.arrayBuffer());
    } catch (error) {
      throw new BodyError(`the answer was cut off (${(error as Error).message})`, { cause: error });
    }
    return {
      status: response.status,
      headers: response.headers,
      statusText: response.statusText,
      data: decode(response.headers, bytes, response.ok),
    } as Attempt;
  }

  async function request(request: HttpRequest, requestOptions: RequestOptions = {}): Promise<HttpResponse> {
    const url = buildUrl(baseUrl, request);
    const info: RequestInfo = { method: request.method, url, operation: request.operation };
    const signal = requestOptions.signal;
    const timeout = requestOptions.timeoutMs ?? timeoutMs;
    const started = Date.now();
    for (let attempt = 1; ; attempt++) {
      // Built only when someone listens (--verbose): redacting costs nothing otherwise.
      if (options.onEvent) {
        emit({ type: 'request', method: request.method, url, headers: redactHeaders(headers), try: attempt });
      }
      let failure: { reason: string; retryAfterMs?: number | undefined; error: () => Error };
      try {
        const answer = await once(url, request, signal, timeout);
        if (answer.status >= 200 && answer.status < 300) {
          return { status: answer.status, headers: answer.headers, data: answer.data, tries: attempt };
        }
        const error = apiErrorFromResponse(answer.status, answer.data, info, attempt, answer);
        const retryable = RETRY_STATUSES.has(answer.status) && (request.idempotent || answer.status === 429);
        if (!retryable) throw error;
        failure = {
          reason: `HTTP ${answer.status}`,
          retryAfterMs: parseRetryAfter(answer.headers.get('retry-after')),
          error: () => error,
        };
      } catch (error) {
        if (error instanceof CmlApiError) throw error;
        if (signal?.aborted)
          throw new CmlAbortError(`Cancelled: ${info.operation ?? `${info.method} ${url}`}`);
        if ((error as Error)?.name === 'TimeoutError') {
          if (!request.idempotent) throw new CmlTimeoutError(info, timeout);
          failure = {
            reason: `timeout after ${timeout} ms`,
            error: () => new CmlTimeoutError(info, timeout),
          };
        } else if (error instanceof BodyError) {
          const bodyError = error;
          if (!request.idempotent) throw networkError(classifyNetworkFailure(bodyError), info, attempt);
          failure = {
            reason: bodyError.message,
            error: () => networkError(classifyNetworkFailure(bodyError), info, attempt),
          };
        } else {
          const classified = classifyNetworkFailure(error);
          if (!classified.transient || !request.idempotent) throw networkError(classified, info, attempt);
          failure = { reason: classified.reason, error: () => networkError(classified, info, attempt) };
        }
      }
      const waitMs = retryDelay(policy, attempt, failure.retryAfterMs);
      if (attempt >= policy.tries || Date.now() - started + waitMs > policy.deadlineMs)
        throw withTries(failure.error(), attempt);
      emit({ type: 'retry', method: request.method, url, reason: failure.reason, waitMs, try: attempt });
      try {
        await abortableSleep(waitMs, signal);
      } catch {
        throw new CmlAbortError(`Cancelled: ${info.operation ?? `${info.method} ${url}`}`);
      }
    }
  }

  return {
    baseUrl,
    request,
    async getJson(url, requestOptions) {
      // The key is for this workspace only: a spec URL elsewhere is fetched without it.
      if (!sameWorkspace(url, baseUrl)) return foreignJson(url, options.fetch ?? fetch, requestOptions);
      const path = url.slice(baseUrl.length);
      const response = await request({ method: 'GET', path, idempotent: true }, requestOptions);
      if (response.data instanceof Uint8Array) {
        throw apiErrorFromResponse(response.status, response.data, { method: 'GET', url }, response.tries);
      }
      return response.data;
    },
  };
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

/** GET JSON from another host, with no credentials: nothing of the workspace's goes there. */
async function foreignJson(
  url: string,
  fetchImpl: typeof fetch,
  options: RequestOptions = {},
): Promise<unknown> {
  const info: RequestInfo = { method: 'GET', url };
  let response: Response;
  try {
    response = await fetchImpl(url, {
      headers: { accept: 'application/json' },
      ...(options.signal ? { signal: options.signal } : {}),
    });
  } catch (error) {
    throw networkError(classifyNetworkFailure(error), info, 1);
  }
  const bytes = new Uint8Array(await response.arrayBuffer());
  if (!response.ok) throw apiErrorFromResponse(response.status, Buffer.from(bytes), info, 1);
  try {
    return JSON.parse(new TextDecoder().decode(bytes));
  } catch {
    throw apiErrorFromResponse(response.status, Buffer.from(bytes), info, 1);
  }
}

function buildUrl(baseUrl: string, request: HttpRequest): string {
  const url = /^https?:\/\//.test(request.path) ? request.path : `${baseUrl}${request.path}`;
  if (!request.query?.length) return url;
  const search = new URLSearchParams();
  for (const [name, value] of request.query) search.append(name, value);
  return `${url}?${search.toString()}`;
}

/** JSON when the server says so (or it looks like JSON); raw bytes otherwise (downloads). */
function decode(headers: Headers, bytes: Uint8Array, ok: boolean): unknown {
  const type = headers.get('content-type') ?? '';
  const looksJson = type.includes('json') || (!type && (bytes[0] === 0x7b || bytes[0] === 0x5b));
  if (!looksJson) return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (bytes.byteLength === 0) return {};
  const text = new TextDecoder().decode(bytes);
  try {
    return JSON.parse(text);
  } catch (error) {
    // An error answer that is not JSON keeps its status: the bytes become its message.
    if (!ok) return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    throw new BodyError(`the answer is not valid JSON (${(error as Error).message})`, { cause: error });
  }
}

function withTries(error: Error, tries: number): Error {
  // Errors made before the last try were built with that try's count; say the final one.
  if (error instanceof CmlApiError && error.tries !== tries) {
    return new (error.constructor as typeof CmlApiError)({
      status: error.status,
      code: error.code,
      serverMessage: error.serverMessage,
      request: error.request,
      body: error.body,
      tries,
    });
  }
  return error;
}
