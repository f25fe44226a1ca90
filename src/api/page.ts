import type { Operation } from '../spec/index.js';

/** Marks list responses; the REPL and browser find paging state under it. */
export const PAGE_INFO: unique symbol = Symbol.for('cmlsh.page');

/** What a page knows about where it came from and how to go on. */
export interface PageInfo {
  readonly operation: Operation;
  /** The arguments of the call, without page_token. */
  readonly args: Readonly<Record<string, unknown>>;
  /** 1 for the first page fetched (counted from the given page_token when there was one). */
  readonly number: number;
  /** The first page was asked for with an explicit page_token: page 1 is not the list's start. */
  readonly fromToken: boolean;
  readonly nextToken: string | undefined;
  readonly fetchNext: (options?: { signal?: AbortSignal }) => Promise<Page>;
}

/**
 * A page of a list operation: the response's own fields as enumerable properties (so it
 * prints and serialises as the server sent it), plus `items`, `hasNextPage` and
 * `nextPage()` on the prototype.
 */
export class Page {
  [key: string]: unknown;
  declare readonly [PAGE_INFO]: PageInfo;

  constructor(data: Record<string, unknown>, info: PageInfo) {
    // defineProperty, not assignment: a response field named `items` or `__proto__` must
    // become plain data, not hit the getters below or replace the prototype.
    for (const [key, value] of Object.entries(data)) {
      Object.defineProperty(this, key, { value, enumerable: true, writable: true, configurable: true });
    }
    Object.defineProperty(this, PAGE_INFO, { value: info, enumerable: false });
  }

  /** The array of this page (`projects`, `jobs`, ...); empty when the response has none. */
  get items(): unknown[] {
    const field = this[PAGE_INFO].operation.list?.itemsField;
    const value = field ? this[field] : undefined;
    return Array.isArray(value) ? value : [];
  }

  get hasNextPage(): boolean {
    return Boolean(this[PAGE_INFO].nextToken);
  }

  /** Fetches the following page; undefined on the last page. */
  async nextPage(options?: { signal?: AbortSignal }): Promise<Page | undefined> {
    return this.hasNextPage ? this[PAGE_INFO].fetchNext(options) : undefined;
  }
}

export function isPage(value: unknown): value is Page {
  return typeof value === 'object' && value !== null && PAGE_INFO in value;
}
