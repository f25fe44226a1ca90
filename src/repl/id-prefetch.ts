import type { IdSource } from './id-source.js';

/** How long one list call answers for the same operation and arguments. */
export const PREFETCH_TTL_MS = 30_000;

/**
 * Starts list calls in the background for completion, at most one per operation and
 * arguments per `ttlMs`: the first Tab on an id nothing has supplied yet asks for the list,
 * the next Tab finds its ids among those seen. The key press never waits for it; a call
 * that fails is not retried before `ttlMs` either, so a broken endpoint costs one call.
 */
export class IdPrefetch {
  private readonly started = new Map<string, number>();

  constructor(
    private readonly fetch: (source: IdSource) => Promise<unknown>,
    private readonly ttlMs = PREFETCH_TTL_MS,
    private readonly now: () => number = Date.now,
  ) {}

  /** Starts the call unless the same one started less than `ttlMs` ago; true when it started. */
  request(source: IdSource): boolean {
    const key = `${source.operation.name} ${JSON.stringify(Object.entries(source.args).sort())}`;
    const at = this.started.get(key);
    const now = this.now();
    if (at !== undefined && now - at < this.ttlMs) return false;
    this.started.set(key, now);
    // Completion has no place to show an error; the next Tab simply finds nothing new.
    Promise.resolve()
      .then(() => this.fetch(source))
      .catch(() => undefined);
    return true;
  }
}
