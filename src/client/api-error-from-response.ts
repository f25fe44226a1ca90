import { CmlApiError, CmlAuthError, type RequestInfo } from '../errors/index.js';
import type { WireHeaders } from './wire.js';

/** Builds the typed error for a non-2xx answer from CML's runtimeError body (or whatever came). */
export function apiErrorFromResponse(
  status: number,
  data: unknown,
  request: RequestInfo,
  tries: number,
  answer: { readonly statusText?: string; readonly headers?: WireHeaders } = {},
  retryAfterMs?: number,
): CmlApiError {
  const body =
    data && typeof data === 'object' && !(data instanceof Uint8Array)
      ? (data as Record<string, unknown>)
      : {};
  const code = typeof body.code === 'number' ? body.code : undefined;
  const serverMessage =
    (typeof body.message === 'string' && body.message) ||
    (typeof body.error === 'string' && body.error) ||
    (data instanceof Uint8Array ? snippet(data) : '');
  const headers = answer.headers ? Object.fromEntries(answer.headers) : undefined;
  const details = {
    status,
    code,
    serverMessage,
    request,
    body: data,
    tries,
    reason: answer.statusText,
    headers,
    retryAfterMs,
  };
  return status === 401 ? new CmlAuthError(details) : new CmlApiError(details);
}

function snippet(bytes: Uint8Array): string {
  const text = new TextDecoder().decode(bytes.subarray(0, 200)).replace(/\s+/g, ' ').trim();
  return text.length ? `non-JSON answer: ${text}` : '';
}
