import { useMemo, useState } from 'react';

const searchText = new WeakMap<object, string>();

/** The lower-cased text a row is searched in: its whole JSON, cached per item object. */
function textOf(item: unknown): string {
  if (item === null || typeof item !== 'object') return String(item).toLowerCase();
  let text = searchText.get(item);
  if (text === undefined) {
    text = (JSON.stringify(item) ?? '').toLowerCase();
    searchText.set(item, text);
  }
  return text;
}

/** Indices of the rows whose JSON contains `query`, case-insensitively. */
export function filterRows(rows: readonly unknown[], query: string): number[] {
  const needle = query.toLowerCase();
  const out: number[] = [];
  for (let i = 0; i < rows.length; i++) if (needle === '' || textOf(rows[i]).includes(needle)) out.push(i);
  return out;
}

export interface FilterState {
  /** The applied query; empty when no filter is on. */
  readonly query: string;
  /** Indices into rows of those that match, in load order. */
  readonly indices: readonly number[];
  apply(query: string): void;
  clear(): void;
}

/** The filter over loaded rows. Recomputed when rows arrive or the query changes, never per key press. */
export function useFilter(rows: readonly unknown[], version: number): FilterState {
  const [query, setQuery] = useState('');
  // biome-ignore lint/correctness/useExhaustiveDependencies: rows grows in place; version says when
  const indices = useMemo(() => filterRows(rows, query), [rows, version, query]);
  return { query, indices, apply: setQuery, clear: () => setQuery('') };
}
