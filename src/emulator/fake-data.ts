import { resolveSchema } from '../spec/resolve-schema.js';
import type { Schema } from '../spec/types.js';
import { idForDescription } from './ids.js';
import type { Rng } from './prng.js';
import { DEMO_USERS } from './users.js';

/** A point in the demo's past: timestamps land in the year before this. */
const EPOCH = Date.UTC(2026, 5, 1);
const YEAR = 365 * 24 * 3600 * 1000;

const WORDS = [
  'churn',
  'forecast',
  'fraud',
  'sentiment',
  'pricing',
  'demand',
  'anomaly',
  'vision',
  'retention',
  'supply',
  'credit',
  'risk',
  'clickstream',
  'recommender',
  'sensor',
  'genomics',
  'claims',
  'energy',
];
const SUFFIXES = ['analysis', 'model', 'pipeline', 'dashboard', 'study', 'etl', 'scoring', 'lab', 'poc'];

/** A believable resource name such as `churn-forecast-pipeline`. */
export function fakeName(rng: Rng): string {
  const first = rng.pick(WORDS);
  let second = rng.pick(WORDS);
  if (second === first) second = WORDS[(WORDS.indexOf(first) + 1) % WORDS.length] as string;
  return `${first}-${second}-${rng.pick(SUFFIXES)}`;
}

/** An RFC 3339 timestamp in the demo's last year. */
export function fakeTime(rng: Rng): string {
  return new Date(EPOCH - Math.floor(rng.next() * YEAR)).toISOString();
}

/** Guesses for string fields by name, before falling back to the schema's type. */
const BY_NAME: Record<string, (rng: Rng) => string> = {
  kernel: (rng) => rng.pick(['python3', 'python3', 'r']),
  script: (rng) => `${rng.pick(['jobs', 'src', 'analysis'])}/${rng.pick(WORDS)}.py`,
  visibility: (rng) => rng.pick(['private', 'private', 'public', 'organization']),
  default_engine_type: () => 'ml_runtime',
  default_project_engine: () => 'ml_runtime',
  creation_status: () => 'success',
  timezone: () => 'America/Los_Angeles',
  environment: () => '{}',
  english_schedule: () => 'At 02:00 AM, every day',
  schedule: (rng) => rng.pick(['0 2 * * *', '*/15 * * * *', '0 6 * * 1', '30 1 1 * *']),
  url: (rng) => `https://${rng.pick(WORDS)}.example.com`,
  subdomain: (rng) => `${rng.pick(WORDS)}-${rng.int(100, 999)}`,
  runtime_identifier: () =>
    'docker.repository.cloudera.com/cloudera/cdsw/ml-runtime-pbj-jupyterlab-python3.10-standard:2024.10.1-b12',
  description: (rng) => `${cap(rng.pick(WORDS))} ${rng.pick(SUFFIXES)} for the ${rng.pick(WORDS)} team.`,
  comment: (rng) => `Build for ${rng.pick(WORDS)} ${rng.pick(SUFFIXES)}`,
  status: () => 'success',
};

/**
 * Generates a value for a schema: objects get every declared property, enums a listed
 * value, int64-as-string a decimal string. Names of fields steer strings towards what a
 * CML workspace would hold. Depth is bounded because the spec's schemas nest.
 */
export function fakeValue(
  schema: Schema | undefined,
  definitions: Readonly<Record<string, Schema>>,
  rng: Rng,
  field = '',
  depth = 0,
  given?: Readonly<Record<string, unknown>>,
): unknown {
  const s = resolveSchema(schema, definitions);
  const type = s.type ?? (s.properties ? 'object' : undefined);
  if (s.enum && s.enum.length > 0) return rng.pick(s.enum);
  switch (type) {
    case 'string':
      return fakeString(s, rng, field);
    case 'integer':
      return field.endsWith('id') ? rng.int(1, 40) : rng.int(0, 8);
    case 'number':
      return rng.pick([0.5, 1, 2, 4]);
    case 'boolean':
      return rng.chance(0.3);
    case 'array':
      if (depth > 3) return [];
      return Array.from({ length: rng.int(0, 2) }, () =>
        fakeValue(s.items, definitions, rng, field, depth + 1),
      );
    case 'object':
      return fakeObject(s, definitions, rng, depth, given);
    default:
      return {};
  }
}

function fakeObject(
  s: Schema,
  definitions: Readonly<Record<string, Schema>>,
  rng: Rng,
  depth: number,
  given: Readonly<Record<string, unknown>> | undefined,
): Record<string, unknown> {
  const properties = s.properties;
  if (!properties) return {};
  if (properties.username && properties.email) return personLike(properties, rng);
  const out: Record<string, unknown> = {};
  if (depth > 3) return out;
  for (const key in properties) {
    // Fields the caller already has are not generated: seeding 30,000 projects stays fast.
    out[key] =
      given && key in given ? given[key] : fakeValue(properties[key], definitions, rng, key, depth + 1);
  }
  return out;
}

/** ShortUser and its cousins: one coherent person, not three unrelated strings. */
function personLike(properties: Readonly<Record<string, Schema>>, rng: Rng): Record<string, unknown> {
  const user = rng.pick(DEMO_USERS);
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(properties)) {
    if (key === 'username' || key === 'name' || key === 'email') out[key] = user[key];
  }
  return out;
}

function fakeString(s: Schema, rng: Rng, field: string): string {
  if (s.format === 'date-time') return fakeTime(rng);
  if (s.format === 'int64') return String(fakeInt64(rng, field));
  if (s.format === 'byte') return 'ZGVtbw==';
  const named = BY_NAME[field];
  if (named) return named(rng);
  if (field === 'id' || field.endsWith('_id') || field === 'public_identifier') {
    return idForDescription(rng, s.description ?? s.title);
  }
  if (field === 'crn') return `crn:cdp:ml:us-west-1:${idForDescription(rng, 'uuid')}:workspace:demo`;
  if (field.endsWith('name') || field === 'slug') return fakeName(rng);
  if (field.endsWith('email')) return rng.pick(DEMO_USERS).email;
  if (field.endsWith('username') || field === 'user' || field === 'creator')
    return rng.pick(DEMO_USERS).username;
  if (field.endsWith('path')) return `${rng.pick(WORDS)}/${rng.pick(SUFFIXES)}.py`;
  return `${rng.pick(WORDS)}-${rng.int(1, 99)}`;
}

/** int64 fields arrive as strings; keep their magnitudes plausible for what they count. */
function fakeInt64(rng: Rng, field: string): number {
  if (field.endsWith('id')) return rng.int(1, 40);
  if (/timeout|seconds/.test(field)) return rng.pick([0, 3600, 7200]);
  if (/size|bytes/.test(field)) return rng.int(100, 100_000);
  return rng.int(0, 8);
}

function cap(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}
