import type { Api } from '../api/create-api.js';
import type { Call } from '../api/relations.js';
import { CmlUsageError } from '../errors/index.js';
import { type Feed, toFeed } from './feed.js';

/** The rows of an answer that is one array and nothing else (ListProjectFiles' `files`). */
function soleArray(data: unknown): unknown[] | undefined {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return undefined;
  const fields = Object.entries(data).filter(([key]) => key !== 'next_page_token');
  const only = fields.length === 1 ? fields[0]?.[1] : undefined;
  return Array.isArray(only) ? only : undefined;
}

/**
 * A view's feed for a call the browser makes itself: list operations page lazily from their
 * first Page; a non-paging answer holding one array shows as rows; anything else as one item.
 */
export function callFeed(api: Api, call: Call): Feed {
  const method = api[call.operation.name];
  if (!method) {
    return toFeed(Promise.reject(new CmlUsageError(`this api has no ${call.operation.name}`)));
  }
  const pending = method({ ...call.args });
  return toFeed(call.operation.list ? pending : pending.then((data) => soleArray(data) ?? data));
}
