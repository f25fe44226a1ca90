import { resolveSchema } from '../spec/resolve-schema.js';
import type { Schema } from '../spec/types.js';
import { zeroRecord } from './create-defaults.js';
import { fakeValue } from './fake-data.js';
import type { Clock } from './lifecycle.js';
import type { Rng } from './prng.js';
import type { ResourceType } from './resources.js';
import { shapeValue } from './shape.js';
import type { Rec, Store } from './store.js';

/** What seeding functions share: the store and the spec's resource types. */
export interface SeedContext {
  readonly store: Store;
  readonly types: ReadonlyMap<string, ResourceType>;
  readonly definitions: Readonly<Record<string, Schema>>;
  /** Seeded work still under way starts relative to this clock. */
  readonly clock: Clock;
}

/** Milliseconds to RFC 3339. */
export const iso = (ms: number) => new Date(ms).toISOString();

/**
 * A seeded resource: what the seed says, over the zero values a workspace would send for
 * the rest (and a generated `description`, the one free-text field worth reading), shaped;
 * nothing when the spec lacks the type. No field is filled with noise, and `updated_at` is
 * never before `created_at`.
 */
export function make(seed: SeedContext, template: string, rng: Rng, overrides: Rec): Rec | undefined {
  const type = seed.types.get(template);
  if (!type) return undefined;
  const props = type.itemSchema.properties ?? {};
  const base: Rec = { ...zeroRecord(type.itemSchema, seed.definitions) };
  if (props.description && !('description' in overrides))
    base.description = fakeValue(props.description, seed.definitions, rng, 'description');
  Object.assign(base, overrides);
  return finish(seed, type.itemSchema, base, overrides);
}

/**
 * A generated record for the workspace-wide lists nothing can add to (resource groups,
 * quotas): every field made up, as there is no request to take them from.
 */
export function generate(seed: SeedContext, template: string, rng: Rng): Rec | undefined {
  const type = seed.types.get(template);
  if (!type) return undefined;
  const base = fakeValue(type.itemSchema, seed.definitions, rng) as Rec;
  for (const [name, field] of Object.entries(type.itemSchema.properties ?? {})) {
    if (resolveSchema(field, seed.definitions).format === 'date-time') delete base[name];
  }
  return finish(seed, type.itemSchema, base, {});
}

function finish(seed: SeedContext, schema: Schema, base: Rec, overrides: Rec): Rec {
  if (
    typeof base.created_at === 'string' &&
    typeof base.updated_at === 'string' &&
    base.updated_at < base.created_at
  )
    base.updated_at = base.created_at;
  return { ...(shapeValue(schema, base, seed.definitions) as Rec), ...hiddenOf(overrides) };
}

/** Internal `__` fields (lifecycles, sharing) survive shaping. */
function hiddenOf(rec: Rec): Rec {
  return Object.fromEntries(Object.entries(rec).filter(([k]) => k.startsWith('__')));
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
