import type { Schema } from '../spec/types.js';
import { fakeValue } from './fake-data.js';
import type { Rng } from './prng.js';
import type { ResourceType } from './resources.js';
import { shapeValue } from './shape.js';
import type { Rec, Store } from './store.js';

/** What seeding functions share: the store and the spec's resource types. */
export interface SeedContext {
  readonly store: Store;
  readonly types: ReadonlyMap<string, ResourceType>;
  readonly definitions: Readonly<Record<string, Schema>>;
}

/** Milliseconds to RFC 3339. */
export const iso = (ms: number) => new Date(ms).toISOString();

/** A record of a type: generated, overridden, shaped; nothing when the spec lacks the type. */
export function make(seed: SeedContext, template: string, rng: Rng, overrides: Rec): Rec | undefined {
  const type = seed.types.get(template);
  if (!type) return undefined;
  const base = fakeValue(type.itemSchema, seed.definitions, rng, '', 0, overrides) as Rec;
  return shapeValue(type.itemSchema, base, seed.definitions) as Rec;
}

/** Stores a seeded record when the spec has its type. */
export function put(
  seed: SeedContext,
  template: string,
  collection: string,
  parent: string | undefined,
  key: string,
  rec: Rec | undefined,
) {
  if (rec) seed.store.put(collection, template, parent, key, rec);
}
