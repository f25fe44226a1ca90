import { CmlApiError } from '../errors/index.js';

/** One fetched page as pagination sees it. */
export interface PageResult<P> {
  readonly page: P;
  /** Token for the next page; empty or undefined on the last one. */
  readonly nextToken: string | undefined;
}

/** Fetches the page a token names (undefined: the first page). */
export type FetchPage<P> = (token: string | undefined, signal?: AbortSignal) => Promise<PageResult<P>>;

/**
 * Walks pages lazily: nothing is fetched until the consumer asks for the next one.
 * Stops on an empty token, and refuses to loop when a server hands back a token it gave
 * before (which would otherwise page forever).
 */
export async function* iteratePages<P>(
  fetchPage: FetchPage<P>,
  firstToken?: string,
  signal?: AbortSignal,
): AsyncGenerator<P> {
  const seen = new Set<string>();
  let token = firstToken || undefined;
  for (;;) {
    const { page, nextToken } = await fetchPage(token, signal);
    yield page;
    if (!nextToken) return;
    if (seen.has(nextToken)) {
      throw new CmlApiError({
        status: 200,
        serverMessage: `the server returned the page token "${nextToken.slice(0, 24)}" twice; stopping to avoid an endless loop`,
        request: { method: 'GET', url: '(pagination)' },
      });
    }
    seen.add(nextToken);
    token = nextToken;
  }
}

/** Items of each page, in order, up to `limit` (all when undefined). */
export async function* iterateItems<P, I>(
  pages: AsyncIterable<P>,
  itemsOf: (page: P) => readonly I[],
  limit?: number,
): AsyncGenerator<I> {
  if (limit !== undefined && limit <= 0) return;
  let count = 0;
  for await (const page of pages) {
    for (const item of itemsOf(page)) {
      yield item;
      if (limit !== undefined && ++count >= limit) return;
    }
  }
}
