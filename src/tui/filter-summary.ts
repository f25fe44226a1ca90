import { count } from './count.js';

/** What the `/` filter knows: how many loaded rows match, and what is still on the server. */
export interface FilterFacts {
  readonly query: string;
  readonly matched: number;
  readonly loaded: number;
  readonly hasMore: boolean;
  /** Rows on the server in all, when the answers say (`total_count`). */
  readonly total: number | undefined;
  /** Rows in a full page: the first page's length. */
  readonly pageSize: number;
}

/**
 * The filter's status text, honest about its reach: it only sees loaded rows, so it says how
 * many pages it has not seen ("3 more pages not fetched", or "more pages not fetched" when
 * the server gives no count) and says nothing of the kind once every page is loaded.
 */
export function filterSummary(facts: FilterFacts): string {
  const match = `${facts.matched} of ${count(facts.loaded, 'loaded row')} match "${facts.query}"`;
  if (!facts.hasMore) return match;
  if (facts.total !== undefined && facts.total > facts.loaded && facts.pageSize > 0) {
    const pages = Math.ceil((facts.total - facts.loaded) / facts.pageSize);
    return `${match}; ${pages} more ${pages === 1 ? 'page' : 'pages'} not fetched (S filters on the server)`;
  }
  return `${match}; more pages not fetched (S filters on the server)`;
}
