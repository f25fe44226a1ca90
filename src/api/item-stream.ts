import type { Page } from './page.js';

/**
 * The result of `api.listX.all()`: an async iterator of items fetched lazily page by page,
 * which can also simply be awaited to collect them (`await api.listProjects.all()`).
 */
export class ItemStream<T> implements AsyncIterable<T>, PromiseLike<T[]> {
  constructor(private readonly source: () => AsyncIterator<T>) {}

  [Symbol.asyncIterator](): AsyncIterator<T> {
    return this.source();
  }

  /** Collects every item into an array. */
  async toArray(): Promise<T[]> {
    const items: T[] = [];
    for await (const item of this) items.push(item);
    return items;
  }

  // biome-ignore lint/suspicious/noThenProperty: awaiting the stream collects it, on purpose.
  then<R1 = T[], R2 = never>(
    onFulfilled?: ((value: T[]) => R1 | PromiseLike<R1>) | null,
    onRejected?: ((reason: unknown) => R2 | PromiseLike<R2>) | null,
  ): Promise<R1 | R2> {
    return this.toArray().then(onFulfilled, onRejected);
  }
}

/** The items of each page, in order, up to `limit` (all when undefined). */
export async function* itemsOfPages(pages: AsyncIterable<Page>, limit?: number): AsyncGenerator<unknown> {
  if (limit !== undefined && limit <= 0) return;
  let count = 0;
  for await (const page of pages) {
    for (const item of page.items) {
      yield item;
      if (limit !== undefined && ++count >= limit) return;
    }
  }
}
