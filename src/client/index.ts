/**
 * client/: the wire. One transport (Node's http, or fetch behind a proxy) with auth, TLS,
 * one deadline, retries, size limits and typed errors; host normalisation; redaction of
 * secrets.
 */

export { abortableSleep } from './abortable-sleep.js';
export { formatBytes } from './format-bytes.js';
export { formatTransportEvent } from './format-event.js';
export { normaliseHost } from './host.js';
export type { HttpRequest, HttpResponse, RequestOptions } from './http-types.js';
export { MAX_JSON_DEPTH, MAX_RESPONSE_BYTES } from './limits.js';
export { MIN_SECRET_LENGTH, maskSecret, redactHeaders, redactSecrets } from './redact.js';
export { requestsSent } from './requests-sent.js';
export { DEFAULT_RETRY, parseRetryAfter, type RetryPolicy, retryDelay } from './retry-policy.js';
export { createTransport, type Transport, type TransportEvent, type TransportOptions } from './transport.js';
