import { CmlNetworkError, type HintKind, type RequestInfo } from '../errors/index.js';

const TLS_CODES = new Set([
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'CERT_HAS_EXPIRED',
  'CERT_NOT_YET_VALID',
  'ERR_TLS_CERT_ALTNAME_INVALID',
]);

/** Failures where the request may not have reached the server, or its answer was cut: safe to retry if idempotent. */
const TRANSIENT_CODES = new Set([
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  'EAI_AGAIN',
  'UND_ERR_SOCKET',
  'UND_ERR_CLOSED',
  'UND_ERR_CONNECT_TIMEOUT',
  'UND_ERR_HEADERS_TIMEOUT',
  'UND_ERR_BODY_TIMEOUT',
]);

/** A failure below HTTP, sorted: what to tell the user and whether another try may help. */
export interface NetworkFailure {
  readonly reason: string;
  readonly transient: boolean;
  readonly hint: HintKind | undefined;
  readonly cause: unknown;
}

/** Digs the system error code out of an error, or fetch's `TypeError: fetch failed` chain. */
export function errorCode(error: unknown): string | undefined {
  for (let current = error, depth = 0; current && depth < 5; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string') return code;
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}

export function classifyNetworkFailure(error: unknown): NetworkFailure {
  const code = errorCode(error);
  const detail = innermostMessage(error);
  if (code && TLS_CODES.has(code)) {
    return {
      reason: `TLS certificate problem (${code}): ${detail}`,
      transient: false,
      hint: 'ca-cert',
      cause: error,
    };
  }
  if (code === 'ERR_SSL_WRONG_VERSION_NUMBER' || /wrong version number/i.test(detail)) {
    return {
      reason: 'the server did not answer with TLS (https)',
      transient: false,
      hint: 'plain-http',
      cause: error,
    };
  }
  if (code === 'ECONNREFUSED') {
    return {
      reason: 'connection refused',
      transient: false,
      hint: 'host-unreachable',
      cause: error,
    };
  }
  if (code === 'ENOTFOUND') {
    return {
      reason: 'host not found (DNS)',
      transient: false,
      hint: 'host-unknown',
      cause: error,
    };
  }
  const transient = code ? TRANSIENT_CODES.has(code) : /terminated|socket|reset|closed/i.test(detail);
  if (/other side closed|socket hang up/i.test(detail)) {
    // Node's (and undici's) words for a server that hung up without a status line.
    return {
      reason: 'the server closed the connection before answering',
      transient,
      hint: undefined,
      cause: error,
    };
  }
  return { reason: code ? `${code}: ${detail}` : detail, transient, hint: undefined, cause: error };
}

export function networkError(failure: NetworkFailure, request: RequestInfo, tries: number): CmlNetworkError {
  return new CmlNetworkError(failure.reason, request, {
    cause: failure.cause,
    tries,
    hint: failure.hint,
  });
}

function innermostMessage(error: unknown): string {
  let message = error instanceof Error ? error.message : String(error);
  for (let current = (error as { cause?: unknown })?.cause, depth = 0; current && depth < 5; depth++) {
    if (current instanceof Error && current.message) message = current.message;
    current = (current as { cause?: unknown }).cause;
  }
  return message;
}
