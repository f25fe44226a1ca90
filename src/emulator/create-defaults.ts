import { resolveSchema } from '../spec/resolve-schema.js';
import type { Operation, Schema } from '../spec/types.js';
import { describeCron } from './cron-english.js';
import { badRequest } from './http-failure.js';
import type { ResourceType } from './resources.js';
import type { Rec } from './store.js';
import { REQUIRED_ON_CREATE, REQUIRED_WITH_RUNTIMES, SITE_DEFAULT_ENGINE } from './workspace-facts.js';

/**
 * The zero value of every scalar field, as a workspace's JSON carries them: '' for text,
 * "0" for int64-as-text, "{}" for JSON-as-text, 0, false, [], an enum's default. Times and nested objects a
 * create does not set are left out rather than made up.
 */
export function zeroRecord(schema: Schema, definitions: Readonly<Record<string, Schema>>): Rec {
  const out: Rec = {};
  for (const [name, field] of Object.entries(schema.properties ?? {})) {
    const s = resolveSchema(field, definitions);
    if (s.enum) out[name] = s.default ?? s.enum[0];
    else if (s.type === 'string' && s.format === 'date-time') continue;
    else if (s.type === 'string' && /\b(as|in) JSON\b/i.test(`${s.description ?? ''} ${s.title ?? ''}`))
      out[name] = '{}'; // "... environment variables for the job, as JSON", "... in json format"
    else if (s.type === 'string') out[name] = s.format === 'int64' ? '0' : '';
    else if (s.type === 'number' || s.type === 'integer') out[name] = 0;
    else if (s.type === 'boolean') out[name] = false;
    else if (s.type === 'array') out[name] = [];
  }
  return out;
}

const DEFAULT_TEXT = /\(default '?([^)']+)'?\)|\bDefault is (\w+)\./;

/** The request's documented defaults ("CPU cores ... (default 1)", "Default is private."). */
export function documentedDefaults(
  op: Operation,
  definitions: Readonly<Record<string, Schema>>,
  itemProps: Readonly<Record<string, Schema>>,
): Rec {
  const out: Rec = {};
  const body = resolveSchema(op.body?.schema, definitions).properties ?? {};
  for (const [name, field] of Object.entries(body)) {
    const match = DEFAULT_TEXT.exec(field.description ?? '');
    const text = match?.[1] ?? match?.[2];
    const target = itemProps[name];
    if (text === undefined || !target) continue;
    const type = resolveSchema(target, definitions).type;
    if (type === 'number' || type === 'integer') out[name] = Number(text);
    else if (type === 'boolean') out[name] = text === 'true';
    else out[name] = text;
  }
  return out;
}

const isMissing = (value: unknown) => value === undefined || value === null || value === '';

/** @throws HttpFailure 400 naming the first field the create needs and did not get. */
export function requireCreateFields(op: Operation, body: Rec, project: Rec | undefined): void {
  const needed = [...(REQUIRED_ON_CREATE[op.operationId] ?? [])];
  if (project && String(project.default_engine_type ?? SITE_DEFAULT_ENGINE) === 'ml_runtime')
    needed.push(...(REQUIRED_WITH_RUNTIMES[op.operationId] ?? []));
  const missing = needed.find((field) => isMissing(body[field]));
  if (missing !== undefined) {
    const why = REQUIRED_WITH_RUNTIMES[op.operationId]?.includes(missing)
      ? ' (the project uses ML Runtimes)'
      : '';
    throw badRequest(`${op.operationId}: "${missing}" is required${why}`);
  }
}

/** What a create sets from request fields of other names. */
export function deriveOnCreate(type: ResourceType, rec: Rec, body: Rec): void {
  const props = type.itemSchema.properties ?? {};
  if (props.parent_id && isMissing(body.parent_id))
    rec.parent_id = typeof body.parent_job_id === 'string' ? body.parent_job_id : '';
  if (props.default_engine_type && type.itemModel === 'Project') {
    rec.default_engine_type = isMissing(body.default_project_engine_type)
      ? SITE_DEFAULT_ENGINE
      : body.default_project_engine_type;
  }
}

/** Fields the workspace keeps in step with others, on create and on every update. */
export function deriveFields(type: ResourceType, rec: Rec): void {
  const props = type.itemSchema.properties ?? {};
  const schedule = typeof rec.schedule === 'string' ? rec.schedule : '';
  if (props.english_schedule && props.schedule) rec.english_schedule = describeCron(schedule);
  if (props.english_schedule && props.type) {
    // Job.type: "whether it's "manual", "cron", or "dependent"".
    rec.type = schedule !== '' ? 'cron' : isMissing(rec.parent_id) ? 'manual' : 'dependent';
  }
  if (props.slug && type.itemModel === 'Project' && typeof rec.name === 'string')
    rec.slug = projectSlug(rec.name);
}

/** Live: a project's slug is its name, lower-cased (and made URL-safe). */
export function projectSlug(name: string): string {
  return name
    .toLowerCase()
    .replace(/[^a-z0-9_.-]+/g, '-')
    .replace(/^-+|-+$/g, '');
}
