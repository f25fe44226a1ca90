import { paramIndex } from '../api/param-index.js';
import type { Call } from '../api/relations.js';

/** The call to reload with, or why there is none. */
export type ServerFilter =
  | { readonly call: Call; readonly key: string; readonly value: string }
  | { readonly message: string };

/** Arguments under their wire names, so a `searchFilter` the caller gave merges with ours. */
function wireArgs(call: Call): Record<string, unknown> {
  const index = paramIndex(call.operation);
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(call.args)) {
    if (value === undefined) continue;
    out[index.get(key)?.wireName ?? key] = value;
  }
  return out;
}

function existingFilter(value: unknown): Record<string, unknown> {
  if (typeof value === 'string') {
    try {
      const parsed: unknown = JSON.parse(value);
      return typeof parsed === 'object' && parsed !== null ? (parsed as Record<string, unknown>) : {};
    } catch {
      return {};
    }
  }
  return typeof value === 'object' && value !== null ? { ...(value as Record<string, unknown>) } : {};
}

/**
 * Turns the typed `/` filter into the operation's `search_filter`, on a key it admits:
 * `key=value` typed explicitly, else the column the table is sorted by, else `name`.
 * Merges with a search_filter the call already had and drops page_token (reload from page 1).
 */
export function serverFilter(call: Call, query: string, column: string | undefined): ServerFilter {
  const op = call.operation;
  const keys = op.filterKeys;
  if (keys.length === 0)
    return { message: `${op.name} takes no search_filter; the filter stays on loaded rows` };
  const text = query.trim();
  if (!text)
    return { message: `type a filter with / first; S then sends it to the server (${keys.join(', ')})` };
  const explicit = /^([\w.]+)\s*[=:]\s*(.+)$/.exec(text);
  let key: string | undefined;
  let value = text;
  if (explicit?.[1] && explicit[2] && keys.includes(explicit[1])) {
    key = explicit[1];
    value = explicit[2];
  } else if (column !== undefined && keys.includes(column)) {
    key = column;
  } else if (keys.includes('name')) {
    key = 'name';
  }
  if (key === undefined)
    return { message: `search_filter of ${op.name} takes ${keys.join(', ')}; type key=value with /` };
  const args = wireArgs(call);
  delete args.page_token;
  args.search_filter = { ...existingFilter(args.search_filter), [key]: value };
  return { call: { operation: op, args }, key, value };
}
