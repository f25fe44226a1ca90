import type { Operation } from '../spec/types.js';
import { admittedFilterKeys } from './admitted-filters.js';
import { badRequest } from './http-failure.js';
import { compare, compileFilter, fieldAt } from './list-filter.js';
import { decodePageToken, encodePageToken, queryFingerprint } from './page-token.js';
import type { Rec } from './store.js';

/** The page size CML picks when the client gives none. */
export const DEFAULT_PAGE_SIZE = 10;

/** What a list request asked for, straight from the query string. */
export interface ListQuery {
  readonly pageSize: string | null;
  readonly pageToken: string | null;
  readonly searchFilter: string | null;
  readonly sort: string | null;
}

/** A narrowing a workspace applies before any filter (whose projects the caller may see). */
export interface ListScope {
  /** Names the narrowing in cache keys. */
  readonly name: string;
  readonly keep: (rec: Rec) => boolean;
}

export interface ListPage {
  readonly items: readonly Rec[];
  /** Empty string on the last page, as CML sends it. */
  readonly nextPageToken: string;
}

/**
 * Filters, sorts and pages one list. Filtered-and-sorted results are cached by the source's
 * stamp and the query, so paging through a large list filters and sorts it once.
 */
export class ListEngine {
  private readonly cache = new Map<string, readonly Rec[]>();

  /**
   * @param stamp identifies the source's current contents; undefined disables caching
   *   (job runs, whose state moves with the clock).
   * @throws HttpFailure 400 on a malformed page_size, page_token, search_filter or sort.
   */
  run(
    op: Operation,
    source: readonly Rec[],
    stamp: string | undefined,
    query: ListQuery,
    scope?: ListScope,
  ): ListPage {
    const filterText = query.searchFilter ?? '';
    const sortText = query.sort ?? '';
    const paged = op.params.some((p) => p.wireName === 'page_size' || p.wireName === 'page_token');
    const size = paged ? pageSize(query.pageSize) : Number.POSITIVE_INFINITY;
    const fingerprint = queryFingerprint([op.operationId, filterText, sortText]);
    const offset = query.pageToken ? decodePageToken(query.pageToken, fingerprint) : 0;

    const key =
      stamp === undefined
        ? undefined
        : `${stamp}\u0000${scope?.name ?? ''}\u0000${filterText}\u0000${sortText}`;
    let result = key === undefined ? undefined : this.cache.get(key);
    if (!result) {
      const scoped = scope ? source.filter(scope.keep) : source;
      result = sortRecords(filterRecords(scoped, filterText, admittedFilterKeys(op)), sortText, op.sortKeys);
      if (key !== undefined) this.remember(key, result);
    }
    const end = offset + size;
    return {
      items: result.slice(offset, end),
      nextPageToken: end < result.length ? encodePageToken(end, fingerprint) : '',
    };
  }

  private remember(key: string, value: readonly Rec[]): void {
    // A small bound: benchmarks page through a few lists at a time, not thousands.
    if (this.cache.size >= 64) {
      const oldest = this.cache.keys().next().value;
      if (oldest !== undefined) this.cache.delete(oldest);
    }
    this.cache.set(key, value);
  }
}

function pageSize(text: string | null): number {
  if (text === null || text === '') return DEFAULT_PAGE_SIZE;
  if (!/^\d+$/.test(text)) throw badRequest(`invalid page_size "${text}": expected a positive integer`);
  const n = Number(text);
  return n === 0 ? DEFAULT_PAGE_SIZE : n;
}

function filterRecords(source: readonly Rec[], text: string, allowed: readonly string[]): readonly Rec[] {
  const keep = compileFilter(text, allowed);
  return keep ? source.filter(keep) : source;
}

/**
 * Sorts by CML's `sort` syntax: `-updated_at,+name`.
 * @throws HttpFailure 400 on an empty key or one the operation does not admit.
 */
function sortRecords(source: readonly Rec[], text: string, allowed: readonly string[]): readonly Rec[] {
  if (text === '') return source;
  const keys = text.split(',').map((part) => {
    const trimmed = part.trim();
    const direction = trimmed.startsWith('-') ? -1 : 1;
    const key = /^[+-]/.test(trimmed) ? trimmed.slice(1) : trimmed;
    if (!/^[\w.]+$/.test(key))
      throw badRequest(`invalid sort "${text}": expected keys like -updated_at,+name`);
    if (allowed.length > 0 && !allowed.includes(key)) {
      throw badRequest(`invalid sort key "${key}"; supported keys are: [${allowed.join(' ')}]`);
    }
    return { key, direction };
  });
  return [...source].sort((a, b) => {
    for (const { key, direction } of keys) {
      const c = compare(fieldAt(a, key) ?? '', fieldAt(b, key) ?? '');
      if (c !== 0) return c * direction;
    }
    return 0;
  });
}
