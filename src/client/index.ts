/**
 * client/: the wire. A ky transport with auth, retries and typed errors, host
 * normalisation, redaction of secrets, and lazy pagination.
 */

export { abortableSleep } from './abortable-sleep.js';
export { formatTransportEvent } from './format-event.js';
export { normaliseHost } from './host.js';
export type { HttpRequest, HttpResponse, RequestOptions } from './http-types.js';
export { type FetchPage, iterateItems, iteratePages, type PageResult } from './pagination.js';
export { maskSecret, redactHeaders } from './redact.js';
export { DEFAULT_RETRY, parseRetryAfter, type RetryPolicy, retryDelay } from './retry-policy.js';
export { createTransport, type Transport, type TransportEvent, type TransportOptions } from './transport.js';
