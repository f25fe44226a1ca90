import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { describeError } from '../../errors/index.js';
import type { Operation } from '../../spec/index.js';
import type { Feed, FetchNext } from '../feed.js';

/** What the pager publishes: every loaded row, where each page starts, and how loading goes. */
export interface PagerState {
  /** All loaded rows in arrival order. Grows in place: read `version` to notice changes. */
  readonly rows: readonly unknown[];
  readonly version: number;
  /** Index in `rows` where each loaded page starts. */
  readonly pageStarts: readonly number[];
  /** The page number (1-based) of each loaded page. */
  readonly pageNumbers: readonly number[];
  readonly operation: Operation | undefined;
  /** The arguments of the call behind the pages, when they are Pages. */
  readonly args: Readonly<Record<string, unknown>> | undefined;
  /** Rows on the server in all, when the answers say (`total_count`). */
  readonly total: number | undefined;
  /** `page` for one page (n, scrolling, retry), `all` for load-all. */
  readonly loading: false | 'page' | 'all';
  /** The last failure, as one line; cleared by the next success. */
  readonly error: string | undefined;
  readonly hasMore: boolean;
  /** Set when a pending call answered with something that is not a list. */
  readonly single: { readonly value: unknown } | undefined;
}

export interface PagerActions {
  /** Fetches the next page unless one is on its way; resolves true when rows were added. */
  loadNext(): Promise<boolean>;
  /** Fetches pages until the last, an error, or `stop()`. */
  loadAll(): Promise<void>;
  /** Stops load-all and aborts the page in flight; rows stay. */
  stop(): void;
}

interface Status {
  version: number;
  /** How many pages the published state covers (the refs may already hold one more). */
  pages: number;
  loading: PagerState['loading'];
  error: string | undefined;
  hasMore: boolean;
  single: PagerState['single'];
  operation: Operation | undefined;
  args: Readonly<Record<string, unknown>> | undefined;
  total: number | undefined;
}

/**
 * Owns the rows of a browsing session: lazy page loads, one at a time, each abortable;
 * a failed page can be asked for again (its fetch function is kept until it succeeds).
 * Pages already loaded are never fetched again. Everything in flight is aborted on unmount.
 */
export function usePager(feed: Feed): PagerState & PagerActions {
  const list = feed.kind === 'list' ? feed : undefined;
  const rows = useRef<unknown[]>(list?.first ? list.first.items.slice() : []);
  const pageStarts = useRef<number[]>(list?.first ? [0] : []);
  const pageNumbers = useRef<number[]>(list?.first ? [list.first.number] : []);
  const next = useRef<FetchNext | undefined>(list?.first ? list.first.next : list?.fetchFirst);
  const inFlight = useRef<Promise<boolean> | undefined>(undefined);
  const controller = useRef<AbortController | undefined>(undefined);
  const stopped = useRef(false);
  const [status, setStatus] = useState<Status>(() => ({
    version: 0,
    pages: list?.first ? 1 : 0,
    loading: false,
    error: undefined,
    hasMore: next.current !== undefined,
    single: feed.kind === 'value' ? { value: feed.value } : undefined,
    operation: list?.first?.operation,
    args: list?.first?.args,
    total: list?.first?.total,
  }));

  const fetchOne = useCallback((mode: 'page' | 'all'): Promise<boolean> => {
    if (inFlight.current) return inFlight.current;
    const fetch = next.current;
    if (!fetch) return Promise.resolve(false);
    const abort = new AbortController();
    controller.current = abort;
    setStatus((s) => ({ ...s, loading: mode, error: undefined }));
    const run = (async () => {
      try {
        const chunk = await fetch(abort.signal);
        if ('value' in chunk) {
          next.current = undefined;
          setStatus((s) => ({ ...s, loading: false, hasMore: false, single: { value: chunk.value } }));
          return false;
        }
        pageStarts.current.push(rows.current.length);
        pageNumbers.current.push(chunk.number);
        for (const item of chunk.items) rows.current.push(item);
        next.current = chunk.next;
        setStatus((s) => ({
          ...s,
          version: s.version + 1,
          pages: pageStarts.current.length,
          loading: false,
          hasMore: chunk.next !== undefined,
          operation: s.operation ?? chunk.operation,
          args: s.args ?? chunk.args,
          total: chunk.total ?? s.total,
        }));
        return true;
      } catch (error) {
        const message = abort.signal.aborted ? undefined : describeError(error);
        setStatus((s) => ({ ...s, loading: false, error: message }));
        return false;
      } finally {
        inFlight.current = undefined;
        controller.current = undefined;
      }
    })();
    inFlight.current = run;
    return run;
  }, []);

  const loadNext = useCallback(() => fetchOne('page'), [fetchOne]);

  const loadAll = useCallback(async () => {
    stopped.current = false;
    while (next.current && !stopped.current) {
      if (!(await fetchOne('all'))) break;
    }
  }, [fetchOne]);

  const stop = useCallback(() => {
    stopped.current = true;
    controller.current?.abort();
  }, []);

  useEffect(() => {
    if (rows.current.length === 0 && next.current && !list?.first) void fetchOne('page');
    return () => {
      stopped.current = true;
      controller.current?.abort();
    };
  }, [fetchOne, list?.first]);

  return {
    rows: rows.current,
    version: status.version,
    // Snapshots: the refs grow as a page arrives, a render before its state lands must not
    // see a page whose rows it does not have yet (that once lost `n` on a pending call).
    pageStarts: useMemo(() => pageStarts.current.slice(0, status.pages), [status.pages]),
    pageNumbers: useMemo(() => pageNumbers.current.slice(0, status.pages), [status.pages]),
    operation: status.operation,
    args: status.args,
    total: status.total,
    loading: status.loading,
    error: status.error,
    hasMore: status.hasMore,
    single: status.single,
    loadNext,
    loadAll,
    stop,
  };
}
