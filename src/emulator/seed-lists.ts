import { createRng, hashString } from './prng.js';
import { generate, put, type SeedContext } from './seed-records.js';

/**
 * Workspace-wide lists nothing can add to (resource groups, quotas, workload types) get a
 * few generated entries, so a demo shows something there.
 */
export function seedReadOnlyLists(seed: SeedContext): void {
  for (const type of seed.types.values()) {
    if (
      type.creatable ||
      type.aggregateOf ||
      type.template.includes('{}') ||
      seed.store.items(type.template).items.length > 0
    )
      continue;
    const rng = createRng(hashString(type.template));
    for (let i = 0; i < rng.int(3, 6); i++) {
      const rec = generate(seed, type.template, rng);
      if (!rec) continue;
      const key = type.idField && rec[type.idField] !== undefined ? String(rec[type.idField]) : String(i + 1);
      put(seed, type.template, type.template, undefined, key, rec);
    }
  }
}
