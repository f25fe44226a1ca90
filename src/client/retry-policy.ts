/**
 * How often a failed request is tried again. When is bounded separately: every try and
 * every wait fits inside the call's one timeout (see transport.ts).
 */
export interface RetryPolicy {
  /** Total tries, the first included. 1 turns retries off. */
  readonly tries: number;
  /** Base of the exponential backoff, in ms. */
  readonly baseDelayMs: number;
  /** No backoff wait is longer than this (Retry-After may ask for more, up to the deadline). */
  readonly maxDelayMs: number;
  /** Random in [0, 1): injectable for tests. */
  readonly random?: () => number;
}

export const DEFAULT_RETRY: RetryPolicy = {
  tries: 5,
  baseDelayMs: 200,
  maxDelayMs: 10_000,
};

/** Statuses worth another try: rate limited, or a gateway/server that is briefly away. */
export const RETRY_STATUSES: ReadonlySet<number> = new Set([429, 502, 503, 504]);

/**
 * Full-jitter exponential backoff (AWS architecture blog): spreads clients out after an
 * outage instead of having them return in lockstep. Retry-After, when given, is a floor.
 */
export function retryDelay(policy: RetryPolicy, attempt: number, retryAfterMs?: number): number {
  const random = policy.random ?? Math.random;
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1));
  const jittered = Math.round(random() * ceiling);
  return Math.max(jittered, retryAfterMs ?? 0);
}

/** Reads Retry-After as seconds or an HTTP date; undefined when absent or unreadable. */
export function parseRetryAfter(value: string | null, now = Date.now()): number | undefined {
  if (!value) return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}
