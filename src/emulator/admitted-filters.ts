import type { Operation } from '../spec/types.js';

/**
 * The search_filter keys a workspace admits for an operation: those its description lists,
 * those its own example uses (ListJobRuns lists job keys but shows
 * `{"status":"running","id": "1"}`), and `status` where it says what "status" can be.
 * Empty means the description names none, and any key is taken.
 */
export function admittedFilterKeys(op: Operation): readonly string[] {
  const description = op.params.find((p) => p.wireName === 'search_filter')?.description ?? '';
  const keys = new Set(op.filterKeys);
  if (keys.size > 0) {
    for (const example of description.matchAll(/\{[^{}]*\}/g))
      for (const key of example[0].matchAll(/"([\w.]+)"\s*:/g)) keys.add(key[1] as string);
    if (/"status"\s+can be/.test(description)) keys.add('status');
  }
  return [...keys];
}
