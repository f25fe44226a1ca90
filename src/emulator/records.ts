import { refName, resolveSchema } from '../spec/resolve-schema.js';
import type { Operation, Schema } from '../spec/types.js';
import type { EmulatorContext } from './context.js';
import {
  deriveFields,
  deriveOnCreate,
  documentedDefaults,
  requireCreateFields,
  zeroRecord,
} from './create-defaults.js';
import { fakeValue } from './fake-data.js';
import { idFor } from './ids.js';
import { createRng, hashString } from './prng.js';
import type { ResourceType } from './resources.js';
import { shapeValue } from './shape.js';
import type { Rec } from './store.js';

const PEOPLE_FIELDS = ['creator', 'owner', 'user', 'deployer'];

/**
 * A new record of a type from a create (or upsert) body: what was sent, over the defaults a
 * workspace applies (its zero values and the request's documented "(default 1)"s), with
 * the server's own id and timestamps, the caller as creator, the path's parent ids
 * (`project_id`, `job_id`) and the fields a workspace derives. Nothing is invented.
 * @throws HttpFailure 400 when a field the create needs is missing.
 */
export function buildRecord(
  ctx: EmulatorContext,
  type: ResourceType,
  op: Operation,
  body: Record<string, unknown>,
  pathParams: Readonly<Record<string, string>>,
  key: string | undefined,
): { key: string; rec: Rec } {
  const props = type.itemSchema.properties ?? {};
  const project = pathParams.project_id
    ? ctx.store.get('/api/v2/projects', pathParams.project_id)
    : undefined;
  requireCreateFields(op, body, project);
  const rec = zeroRecord(type.itemSchema, ctx.definitions);
  Object.assign(rec, documentedDefaults(op, ctx.definitions, props));
  for (const [name, value] of Object.entries(body)) {
    if (props[name] && value !== undefined && value !== null) rec[name] = value;
  }
  for (const [name, value] of Object.entries(pathParams)) {
    if (props[name] && name !== type.idField) rec[name] = value;
  }
  const now = new Date(ctx.now()).toISOString();
  for (const field of ['created_at', 'updated_at']) if (props[field]) rec[field] = now;
  for (const field of PEOPLE_FIELDS)
    if (props[field] && isObjectSchema(props[field], ctx)) rec[field] = { ...ctx.user };
  if (props.project && project) rec.project = shortProject(project);
  deriveOnCreate(type, rec, body);
  deriveFields(type, rec);
  const id = key ?? newId(ctx, type);
  if (type.idField) rec[type.idField] = isNumericId(ctx, type) ? Number(id) : id;
  return { key: id, rec: shapeValue(type.itemSchema, rec, ctx.definitions) as Rec };
}

function isNumericId(ctx: EmulatorContext, type: ResourceType): boolean {
  return (
    type.idField !== undefined &&
    resolveSchema(type.itemSchema.properties?.[type.idField], ctx.definitions).type === 'integer'
  );
}

/**
 * A fresh id in the resource's own format, from the store's persisted sequence, so ids
 * never repeat, not even across restarts with a state file.
 */
function newId(ctx: EmulatorContext, type: ResourceType): string {
  const collectionHas = (id: string) => ctx.store.hasKeyInTemplate(type.template, id);
  for (;;) {
    const n = ctx.store.nextSequence();
    const id = isNumericId(ctx, type)
      ? String(100 + n)
      : idFor(type.itemModel, type.idDescription, createRng(hashString(`id:${n}`)));
    if (!collectionHas(id)) return id;
  }
}

/** Applies a PATCH body: same-named, writable fields replace the record's. */
export function mergeUpdate(
  ctx: EmulatorContext,
  type: ResourceType,
  rec: Rec,
  body: Record<string, unknown>,
): Rec {
  const props = type.itemSchema.properties ?? {};
  const hidden = Object.fromEntries(Object.entries(rec).filter(([k]) => k.startsWith('__')));
  const next: Rec = { ...rec };
  for (const [name, value] of Object.entries(body)) {
    const field = props[name];
    if (!field || field.readOnly || name === type.idField || value === undefined || value === null) continue;
    next[name] = value;
  }
  deriveFields(type, next);
  if (props.updated_at) next.updated_at = new Date(ctx.now()).toISOString();
  return { ...(shapeValue(type.itemSchema, next, ctx.definitions) as Rec), ...hidden };
}

/** CML's abbreviated project as jobs and models carry it. */
export function shortProject(project: Rec): Rec {
  return {
    public_identifier: project.id,
    name: project.name,
    default_project_engine: project.default_engine_type,
    slug: project.slug,
  };
}

/**
 * An answer for a response schema: generated (stable for the same request path) and then
 * overlaid with what the caller sent and what the resource holds, so echoes look right.
 */
export function generatedReply(
  ctx: EmulatorContext,
  schema: Schema | undefined,
  seed: string,
  sources: ReadonlyArray<Record<string, unknown> | undefined>,
  item?: { model: string; rec: Rec },
): unknown {
  if (!schema) return {};
  const value = fakeValue(schema, ctx.definitions, createRng(hashString(seed)));
  const props = resolveSchema(schema, ctx.definitions).properties;
  if (value && typeof value === 'object' && !Array.isArray(value) && props) {
    const out = value as Record<string, unknown>;
    if (item) {
      // Wrapped answers (`{cpu_profile: {...}}`) carry the stored item itself.
      for (const [name, field] of Object.entries(props))
        if (refName(field) === item.model) out[name] = item.rec;
    }
    for (const source of sources) {
      if (!source) continue;
      for (const name of Object.keys(props)) {
        if (source[name] !== undefined && source[name] !== null) out[name] = source[name];
      }
    }
  }
  return shapeValue(schema, value, ctx.definitions) ?? {};
}

function isObjectSchema(schema: Schema | undefined, ctx: EmulatorContext): boolean {
  return resolveSchema(schema, ctx.definitions).properties !== undefined;
}
