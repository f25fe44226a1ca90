import { callInfoOf, isPage, PAGE_INFO, type Page } from '../api/index.js';
import type { Operation } from '../spec/index.js';

/** One page worth of rows, wherever it came from. */
export interface Chunk {
  readonly items: readonly unknown[];
  /** 1 for the first page. */
  readonly number: number;
  readonly operation: Operation | undefined;
  /** The arguments of the call behind the page, without page_token (Pages only). */
  readonly args?: Readonly<Record<string, unknown>> | undefined;
  /** Rows on the server in all, when the answer says (`total_count`). */
  readonly total?: number | undefined;
  /** Fetches the page after this one; undefined on the last. */
  readonly next: FetchNext | undefined;
}

/** Fetches one more chunk, or a non-list value (a pending call that answered with one). */
export type FetchNext = (signal: AbortSignal) => Promise<Chunk | { readonly value: unknown }>;

/** What `browse()` was given, made uniform: rows at hand and how to get more, or one value. */
export type Feed =
  | { readonly kind: 'value'; readonly value: unknown }
  | { readonly kind: 'list'; readonly first: Chunk | undefined; readonly fetchFirst: FetchNext | undefined };

/** Rejects as soon as `signal` aborts, even when the work below cannot be cancelled. */
export function raceAbort<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) return Promise.reject(signal.reason);
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(error);
      },
    );
  });
}

/** A Page as a chunk: later pages come from `page.nextPage({signal})`, so loads can be aborted. */
export function chunkOfPage(page: Page): Chunk {
  const info = page[PAGE_INFO];
  const total = Number(page.total_count);
  return {
    items: page.items,
    number: info.number,
    operation: info.operation,
    args: info.args,
    total:
      page.total_count !== undefined && page.total_count !== '' && Number.isFinite(total) ? total : undefined,
    next: page.hasNextPage
      ? async (signal) => {
          const next = await raceAbort(page.nextPage({ signal }), signal);
          return next
            ? chunkOfPage(next)
            : { items: [], number: info.number + 1, operation: info.operation, next: undefined };
        }
      : undefined,
  };
}

function chunkOfValue(value: unknown, number: number, next?: FetchNext): Chunk | { value: unknown } {
  if (isPage(value)) return chunkOfPage(value);
  if (Array.isArray(value)) return { items: value, number, operation: undefined, next };
  return { value };
}

function isAsyncIterable(value: unknown): value is AsyncIterable<unknown> {
  return typeof value === 'object' && value !== null && Symbol.asyncIterator in value;
}

function isPromiseLike(value: unknown): value is PromiseLike<unknown> {
  return (
    (typeof value === 'object' || typeof value === 'function') &&
    value !== null &&
    typeof (value as { then?: unknown }).then === 'function'
  );
}

/** Chunks from an async iterable; once it yields a Page, paging continues from the Page itself. */
function fromIterable(iterable: AsyncIterable<unknown>): FetchNext {
  const iterator = iterable[Symbol.asyncIterator]();
  let number = 0;
  const pull: FetchNext = async (signal) => {
    const result = await raceAbort(iterator.next(), signal);
    number += 1;
    if (result.done) return { items: [], number, operation: undefined, next: undefined };
    if (isPage(result.value)) {
      // Page.nextPage takes our signal; the generator's own requests could not be aborted.
      void iterator.return?.();
      return chunkOfPage(result.value);
    }
    if (Array.isArray(result.value)) return { items: result.value, number, operation: undefined, next: pull };
    return { items: [result.value], number, operation: undefined, next: pull };
  };
  return pull;
}

/** Sorts out what `browse()` was given: a Page, a pending call, pages to iterate, rows, or a value. */
export function toFeed(source: unknown): Feed {
  if (isPage(source)) return { kind: 'list', first: chunkOfPage(source), fetchFirst: undefined };
  if (Array.isArray(source)) {
    return {
      kind: 'list',
      first: { items: source, number: 1, operation: undefined, next: undefined },
      fetchFirst: undefined,
    };
  }
  if (isPromiseLike(source)) {
    const promise = Promise.resolve(source);
    // Handled here so a rejected call never counts as unhandled before the browser awaits it.
    promise.catch(() => {});
    // A pending api call can be made again, so `r` after a failed first page really retries.
    const call = callInfoOf(source);
    let tries = 0;
    return {
      kind: 'list',
      first: undefined,
      fetchFirst: async (signal) => {
        const attempt = tries++ === 0 || !call ? promise : call.again({ signal });
        return chunkOfValue(await raceAbort(attempt, signal), 1);
      },
    };
  }
  if (isAsyncIterable(source)) return { kind: 'list', first: undefined, fetchFirst: fromIterable(source) };
  return { kind: 'value', value: source };
}
