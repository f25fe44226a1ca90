import { getPath } from '../../present/index.js';
import type { SortOrder } from './types.js';

// Made at the first sort, not when the browser loads: a collator costs ICU a millisecond or
// more to set up, on the way to the first frame.
let collator: Intl.Collator | undefined;

function compareValues(a: unknown, b: unknown): number {
  // Missing values go last whichever way the sort runs.
  if (a === undefined || a === null) return b === undefined || b === null ? 0 : 1;
  if (b === undefined || b === null) return -1;
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  if (typeof a === 'boolean' && typeof b === 'boolean') return Number(a) - Number(b);
  const textA = typeof a === 'object' ? JSON.stringify(a) : String(a);
  const textB = typeof b === 'object' ? JSON.stringify(b) : String(b);
  collator ??= new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' });
  return collator.compare(textA, textB);
}

/** `indices` ordered by the column's values; stable, so equal rows keep their load order. */
export function sortIndices(
  rows: readonly unknown[],
  indices: readonly number[],
  order: SortOrder,
): number[] {
  const keyed = indices.map((index) => ({ index, value: getPath(rows[index], order.key) }));
  const sign = order.descending ? -1 : 1;
  keyed.sort((x, y) => {
    const nullX = x.value === undefined || x.value === null;
    const nullY = y.value === undefined || y.value === null;
    if (nullX || nullY) return compareValues(x.value, y.value);
    return sign * compareValues(x.value, y.value);
  });
  return keyed.map((entry) => entry.index);
}

/** Sorts by `key` ascending; asked again: descending; a third time: load order. */
export function cycleOrder(current: SortOrder | undefined, key: string): SortOrder | undefined {
  if (current?.key !== key) return { key, descending: false };
  return current.descending ? undefined : { key, descending: true };
}
