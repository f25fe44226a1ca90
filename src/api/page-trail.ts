import { CmlResponseError } from '../errors/index.js';
import type { Operation } from '../spec/index.js';

/** How far paging goes before it stops a server that never says "last page". */
export interface PagingLimits {
  /** Pages of one list, at most. */
  readonly maxPages: number;
  /** Pages in a row without an item (each with a fresh token), at most. */
  readonly maxEmptyPages: number;
}

export const PAGING_LIMITS: PagingLimits = { maxPages: 10_000, maxEmptyPages: 20 };

/** Where a page sits in its chain, for the page made from the answer after it. */
export interface PageStep {
  /** 1 for the first page. */
  readonly number: number;
  /** Pages in a row without items, ending with this one. */
  readonly emptyRun: number;
  readonly trail: PageTrail;
}

/**
 * What one chain of pages (a first call and every page after it) has seen: the only
 * place the paging guards live. Every way of going on (`nextPage`, `it`, `.pages()`,
 * `.all()`, the browser's `n` and `a`) passes here before it fetches, so a server that hands
 * back an old token, or empty pages forever, is stopped the same way in all of them.
 */
export class PageTrail {
  /** Token -> the number of the page it leads to. */
  readonly #tokens = new Map<string, number>();

  constructor(
    private readonly operation: Operation,
    private readonly limits: PagingLimits = PAGING_LIMITS,
  ) {}

  /** @throws CmlResponseError when going on from `from` with `token` would not end. */
  check(from: PageStep, token: string): void {
    const leadsTo = this.#tokens.get(token);
    if (leadsTo !== undefined && leadsTo !== from.number + 1) {
      this.fail(
        `sent the page token "${token.slice(0, 24)}" on page ${from.number} that it sent on page ${leadsTo - 1}; stopping, as paging would never end`,
      );
    }
    if (from.emptyRun >= this.limits.maxEmptyPages) {
      this.fail(`sent ${from.emptyRun} empty pages in a row, each with a new token; stopping`);
    }
    if (from.number >= this.limits.maxPages) {
      this.fail(
        `sent ${from.number} pages and still had more; stopping at the limit of ${this.limits.maxPages}`,
      );
    }
    this.#tokens.set(token, from.number + 1);
  }

  private fail(problem: string): never {
    const { method, path, name } = this.operation;
    throw new CmlResponseError(problem, { method, url: path, operation: name });
  }
}
