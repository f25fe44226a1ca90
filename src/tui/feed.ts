import { callInfoOf, isPage, PAGE_INFO, type Page } from '../api/index.js';
import type { Call } from '../api/relations.js';
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

/**
 * What `browse()` was given, made uniform: the first page and how to get more, or one value;
 * with the call behind it when that is known (a pending api call, a Page).
 */
export type Feed =
  | { readonly kind: 'value'; readonly value: unknown; readonly call?: Call | undefined }
  | { readonly kind: 'list'; readonly first: Chunk; readonly call?: Call | undefined };

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

/** The rows of an answer that is one array and nothing else (ListProjectFiles' `files`). */
function soleArray(data: unknown): unknown[] | undefined {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return undefined;
  const fields = Object.entries(data).filter(([key]) => key !== 'next_page_token');
  const only = fields.length === 1 ? fields[0]?.[1] : undefined;
  return Array.isArray(only) ? only : undefined;
}

/**
 * An answer as the browser shows it: a Page pages lazily, an array (or an answer holding one
 * array and nothing else) is rows, anything else one value.
 */
export function answerOf(value: unknown, number = 1, next?: FetchNext): Chunk | { value: unknown } {
  if (isPage(value)) return chunkOfPage(value);
  const rows = Array.isArray(value) ? value : soleArray(value);
  if (rows) return { items: rows, number, operation: undefined, next };
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

/**
 * Sorts out what `browse()` was given: a Page, a pending call, pages to iterate, rows, or a
 * value. A pending call (or iterable) is waited for here, before anything is drawn, so a call
 * that fails before its first page rejects with its error instead of opening an empty browser.
 */
export async function openFeed(source: unknown, signal?: AbortSignal): Promise<Feed> {
  const abort = signal ?? new AbortController().signal;
  if (isPromiseLike(source)) {
    const call = callInfoOf(source);
    const answer = answerOf(await raceAbort(Promise.resolve(source), abort));
    const behind = call ? { operation: call.operation, args: call.args } : undefined;
    return 'value' in answer
      ? { kind: 'value', value: answer.value, call: behind }
      : { kind: 'list', first: answer, call: behind };
  }
  if (isAsyncIterable(source)) {
    const first = await fromIterable(source)(abort);
    return 'value' in first ? { kind: 'value', value: first.value } : { kind: 'list', first };
  }
  return toFeed(source);
}

/** The feed of a value at hand (a Page, an array, anything else). */
export function toFeed(source: unknown): Feed {
  if (isPage(source)) return { kind: 'list', first: chunkOfPage(source) };
  if (Array.isArray(source)) {
    return { kind: 'list', first: { items: source, number: 1, operation: undefined, next: undefined } };
  }
  return { kind: 'value', value: source };
}
