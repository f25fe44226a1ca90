import { CmlResponseError, type RequestInfo } from '../errors/index.js';
import type { Operation } from '../spec/index.js';
import { type PageStep, PageTrail } from './page-trail.js';

/** Marks list responses; the REPL and browser find paging state under it. */
export const PAGE_INFO: unique symbol = Symbol.for('cmlsh.page');

export interface NextPageOptions {
  readonly signal?: AbortSignal | undefined;
}

/** Fetches the page `token` names; `step` is where the page before it sat. */
export type FetchPage = (token: string, step: PageStep, options?: NextPageOptions) => Promise<Page>;

/** What a page knows about where it came from and how to go on. */
export interface PageInfo extends PageStep {
  readonly operation: Operation;
  /** The arguments of the call, without page_token. */
  readonly args: Readonly<Record<string, unknown>>;
  /** The first page was asked for with an explicit page_token: page 1 is not the list's start. */
  readonly fromToken: boolean;
  readonly nextToken: string | undefined;
  readonly fetchNext: (options?: NextPageOptions) => Promise<Page>;
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
    return itemsOf(this, this[PAGE_INFO].operation);
  }

  get hasNextPage(): boolean {
    return Boolean(this[PAGE_INFO].nextToken);
  }

  /**
   * Fetches the following page; undefined on the last page. The one way from a page to the
   * next: the paging guards (PageTrail) run here. @throws CmlResponseError when paging would not end.
   */
  async nextPage(options?: NextPageOptions): Promise<Page | undefined> {
    const info = this[PAGE_INFO];
    if (!info.nextToken) return undefined;
    info.trail.check(info, info.nextToken);
    return info.fetchNext(options);
  }
}

export function isPage(value: unknown): value is Page {
  return typeof value === 'object' && value !== null && PAGE_INFO in value;
}

/**
 * Makes the Page for a list answer. `previous` is where the page before it sat (undefined
 * for a first page, which starts a new trail).
 * @throws CmlResponseError when the list field is there but is not an array.
 */
export function pageFromAnswer(
  operation: Operation,
  data: Record<string, unknown>,
  args: Readonly<Record<string, unknown>>,
  previous: PageStep | undefined,
  fromToken: boolean,
  fetchPage: FetchPage,
  request: RequestInfo,
): Page {
  const field = operation.list?.itemsField;
  const list = field ? data[field] : undefined;
  // proto3 JSON leaves an empty list out (or sends null): that is "no items", anything else is wrong.
  if (field && list !== undefined && list !== null && !Array.isArray(list)) {
    throw new CmlResponseError(
      `sent "${field}" as ${list === null ? 'null' : typeof list}, where a list was expected`,
      request,
    );
  }
  const token =
    typeof data.next_page_token === 'string' && data.next_page_token ? data.next_page_token : undefined;
  const empty = !Array.isArray(list) || list.length === 0;
  const step: PageStep = {
    number: previous ? previous.number + 1 : 1,
    emptyRun: empty ? (previous?.emptyRun ?? 0) + 1 : 0,
    trail: previous?.trail ?? new PageTrail(operation),
  };
  return new Page(data, {
    ...step,
    operation,
    args,
    fromToken,
    nextToken: token,
    fetchNext: (options) => fetchPage(token ?? '', step, options),
  });
}

/**
 * Every page from the one `first` fetches on, through `nextPage` (so guarded like it): each
 * fetched when asked for, or with `readAhead` as the page before it is handed out.
 */
export async function* walkPages(
  first: () => Promise<unknown>,
  options: { readonly readAhead: boolean } = { readAhead: false },
): AsyncGenerator<Page> {
  let page = await first();
  while (isPage(page)) {
    if (!options.readAhead) {
      yield page;
      page = await page.nextPage();
      continue;
    }
    const next = page.nextPage();
    // Its failure is thrown where it is awaited, below; a caller that stops first never sees it.
    next.catch(() => {});
    yield page;
    page = await next;
  }
}

function itemsOf(page: Page, operation: Operation): unknown[] {
  const field = operation.list?.itemsField;
  const value = field ? page[field] : undefined;
  return Array.isArray(value) ? value : [];
}
