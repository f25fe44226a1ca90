import { type ApiSpec, looseKey, type Operation, resolveSchema } from '../spec/index.js';
import { isGetOne } from './relations.js';
import { type StatusVocabulary, statusVocabulary } from './wait-states.js';

/** A kind of resource that can be waited on: its model, the GET that reads one, its states. */
export interface WaitKind {
  /** Definition name: `JobRun`. */
  readonly model: string;
  /** What the command line calls it: `job-run`. */
  readonly name: string;
  /** The GET of one: `GetJobRun`, `/api/v2/projects/{project_id}/jobs/{job_id}/runs/{run_id}`. */
  readonly operation: Operation;
  readonly states: StatusVocabulary;
}

const cache = new WeakMap<ApiSpec, readonly WaitKind[]>();

/**
 * Every model of the spec with a `status` field whose final states are known and a GET
 * of one item answering it: job runs, applications, model builds and deployments,
 * experiment runs (and whatever else a workspace's spec adds with the same enums).
 */
export function waitKinds(spec: ApiSpec): readonly WaitKind[] {
  const known = cache.get(spec);
  if (known) return known;
  const kinds: WaitKind[] = [];
  for (const operation of spec.operations) {
    const model = operation.response.model;
    if (!model || !isGetOne(operation) || kinds.some((kind) => kind.model === model)) continue;
    const status = statusField(spec, model);
    if (!status) continue;
    const values = resolveSchema(status, spec.definitions).enum;
    const states = statusVocabulary(model, values?.map(String));
    if (states) kinds.push({ model, name: kebabName(model), operation, states });
  }
  // Kebab-case ASCII names: code-point order is their order, with no ICU collator to set up
  // (localeCompare's first call: milliseconds, on the way to a browser's first frame).
  kinds.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  cache.set(spec, kinds);
  return kinds;
}

/** The kind named in any spelling: `job-run`, `JobRun`, `job_run`, `jobrun`. */
export function findWaitKind(spec: ApiSpec, name: string): WaitKind | undefined {
  const key = looseKey(name);
  return waitKinds(spec).find((kind) => looseKey(kind.model) === key);
}

/** The kind of a model, when it is one: what a result of that model can be waited on as. */
export function waitKindOfModel(spec: ApiSpec, model: string | undefined): WaitKind | undefined {
  // Most answers (projects, jobs, users) have no status: said from their own definition,
  // without reading every operation of the spec, which the first answer of a session waited on.
  if (model === undefined || !statusField(spec, model)) return undefined;
  return waitKinds(spec).find((kind) => kind.model === model);
}

function statusField(spec: ApiSpec, model: string) {
  return resolveSchema(spec.definitions[model], spec.definitions).properties?.status;
}

function kebabName(model: string): string {
  return model.replace(/([a-z\d])([A-Z])/g, '$1-$2').toLowerCase();
}
