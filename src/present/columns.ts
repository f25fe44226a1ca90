import { type ApiSpec, type Operation, resolveSchema, type Schema } from '../spec/index.js';
import { safeLine } from './sanitize.js';

/**
 * Fields people look for first, in the order they read them, with how much each matters
 * when room is short (0 is kept longest). Dotted names reach into objects. Anything else
 * the item has comes after these and goes first.
 */
const PREFERRED: readonly { readonly key: string; readonly rank: number }[] = [
  { key: 'id', rank: 0 },
  { key: 'name', rank: 1 },
  { key: 'username', rank: 1 },
  { key: 'title', rank: 1 },
  { key: 'image_identifier', rank: 1 },
  { key: 'status', rank: 2 },
  { key: 'state', rank: 2 },
  { key: 'owner.username', rank: 5 },
  { key: 'creator.username', rank: 5 },
  { key: 'user.username', rank: 5 },
  { key: 'script', rank: 3 },
  { key: 'schedule', rank: 6 },
  { key: 'created_at', rank: 4 },
  { key: 'finished_at', rank: 3 },
];

/** How deep nested objects are opened into dotted columns. */
const MAX_DEPTH = 2;
/** Columns shown by default when the item has none of the preferred fields. */
const FALLBACK_COUNT = 5;

/** The columns of a list: all it can show, and the ones shown before the user picks. */
export interface ListColumns {
  readonly candidates: readonly string[];
  readonly defaults: readonly string[];
}

/** What a list's items are: the item schema from the spec, when there is one. */
export interface ItemSchema {
  readonly schema: Schema | undefined;
  readonly definitions: Readonly<Record<string, Schema>>;
}

/**
 * The one choice of columns for a list, whichever surface draws it: the preferred fields the
 * item schema (or, without one, the items) has, in reading order; `owner` over `creator`
 * and `name` over `username` when both are there; for items with none of them, their
 * first few plain fields. Plain values (strings, numbers) give one column with the empty key.
 */
export function listColumns(items: readonly unknown[], item?: ItemSchema): ListColumns {
  const candidates = candidateColumns(items, item);
  const defaults = defaultsAmong(candidates, items);
  return { candidates: [...defaults, ...candidates.filter((key) => !defaults.includes(key))], defaults };
}

/** The default columns among `candidates`: see listColumns. `items` tell plain fields from lists. */
export function defaultsAmong(candidates: readonly string[], items: readonly unknown[]): string[] {
  let chosen = PREFERRED.map((p) => p.key).filter((key) => candidates.includes(key));
  if (chosen.includes('owner.username'))
    chosen = chosen.filter((k) => k !== 'creator.username' && k !== 'user.username');
  if (chosen.includes('name')) chosen = chosen.filter((k) => k !== 'username');
  if (chosen.length < 2) {
    const extra = candidates.filter((key) => !chosen.includes(key) && isPlainColumn(key, items));
    chosen = [...chosen, ...extra].slice(0, Math.max(FALLBACK_COUNT, chosen.length));
  }
  return chosen.length ? chosen : candidates.slice(0, FALLBACK_COUNT);
}

/** How much a column matters when room is short: lower is kept longer. */
export function columnRank(key: string): number {
  return PREFERRED.find((p) => p.key === key)?.rank ?? 10;
}

/**
 * Every column the items can show: leaf fields of the item schema (nested objects by dotted
 * path, two levels deep), then fields seen in the first items that the schema lacks.
 */
export function candidateColumns(items: readonly unknown[], item?: ItemSchema): string[] {
  const keys: string[] = [];
  if (item?.schema) walkSchema(resolveSchema(item.schema, item.definitions), item.definitions, '', 1, keys);
  const seen = new Set(keys);
  for (const value of items.slice(0, 50)) walkValue(value, '', 1, keys, seen);
  return keys.length ? keys : [''];
}

function walkSchema(
  schema: Schema,
  definitions: Readonly<Record<string, Schema>>,
  prefix: string,
  depth: number,
  out: string[],
): void {
  for (const [name, raw] of Object.entries(schema.properties ?? {})) {
    const field = resolveSchema(raw, definitions);
    const key = prefix + name;
    if (field.properties && depth < MAX_DEPTH) walkSchema(field, definitions, `${key}.`, depth + 1, out);
    else out.push(key);
  }
}

function walkValue(value: unknown, prefix: string, depth: number, out: string[], seen: Set<string>): void {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return;
  for (const [name, field] of Object.entries(value)) {
    const key = prefix + name;
    const nested = field !== null && typeof field === 'object' && !Array.isArray(field);
    if (nested && depth < MAX_DEPTH) {
      walkValue(field, `${key}.`, depth + 1, out, seen);
    } else if (!seen.has(key) && !out.some((k) => k.startsWith(`${key}.`))) {
      seen.add(key);
      out.push(key);
    }
  }
}

/** A top-level field that holds a plain value (not a list or an object) in the items that have it. */
function isPlainColumn(key: string, items: readonly unknown[]): boolean {
  if (key.includes('.')) return false;
  if (!items.length) return true;
  return items.slice(0, 20).some((item) => {
    const value = item && typeof item === 'object' ? (item as Record<string, unknown>)[key] : undefined;
    return value !== undefined && value !== null && value !== '' && typeof value !== 'object';
  });
}

/** Header text of a column: `owner.username` reads `owner`; the item itself reads `value`. */
export function columnTitle(key: string): string {
  if (key === '') return 'value';
  const parts = key.split('.');
  // Keys come from the server's own field names: shown, never obeyed.
  return safeLine(parts.length === 2 && parts[1] === 'username' ? (parts[0] ?? key) : key);
}

/** What a column holds, by its name: ids are never cut, times may turn relative, states get colour. */
export type ColumnKind = 'id' | 'time' | 'state' | 'text';

export function columnKind(key: string): ColumnKind {
  const last = key.split('.').pop() ?? key;
  if (last === 'id' || last.endsWith('_id') || last === 'crn') return 'id';
  if (last.endsWith('_at') || last.endsWith('_time') || last === 'time' || last === 'timestamp')
    return 'time';
  if (last === 'status' || last === 'state' || last.endsWith('_status') || last.endsWith('_state'))
    return 'state';
  return 'text';
}

/** The item schema of a list operation's items, from the spec, for listColumns. */
export function itemSchemaOf(
  operation: Operation | undefined,
  spec: ApiSpec | undefined,
): ItemSchema | undefined {
  const model = operation?.list?.itemModel;
  if (!spec) return undefined;
  return { schema: model ? spec.definitions[model] : undefined, definitions: spec.definitions };
}
