import type { Handler } from './context.js';
import { findItem } from './crud.js';
import { notFound } from './http-failure.js';
import type { Rec } from './store.js';

type Entry = Record<string, unknown>;

const entries = (value: unknown): Entry[] =>
  Array.isArray(value) ? value.filter((v): v is Entry => Boolean(v) && typeof v === 'object') : [];

/** Params and tags hold one value per key: a later log replaces it. */
function byKey(old: Entry[], added: Entry[]): Entry[] {
  const out = new Map(old.map((e) => [String(e.key), e]));
  for (const e of added) out.set(String(e.key), { key: e.key, value: e.value });
  return [...out.values()];
}

/**
 * LogExperimentRunBatch: the metrics (each a point in a series, stamped now and at step 0
 * unless given), params and tags logged, kept in the run's `data` as GetExperimentRun
 * returns it.
 */
export const logExperimentRunBatch: Handler = (ctx, req) => {
  const found = findItem(ctx, req);
  const data = (found.rec.data ?? {}) as Rec;
  const now = new Date(ctx.now()).toISOString();
  const metrics = entries(req.body.metrics).map((m) => ({
    key: m.key,
    value: m.value,
    timestamp: m.timestamp ?? now,
    step: m.step ?? '0',
  }));
  found.rec.data = {
    ...data,
    metrics: [...entries(data.metrics), ...metrics],
    params: byKey(entries(data.params), entries(req.body.params)),
    tags: byKey(entries(data.tags), entries(req.body.tags)),
  };
  ctx.store.touchItem(found.collection);
  return { status: req.compiled.op.response.status, json: {} };
};

/** GetExperimentRunMetrics: every logged point of one metric, in the order logged. */
export const getExperimentRunMetrics: Handler = (ctx, req) => {
  const { project_id = '', experiment_id = '', run_id = '', metric_key = '' } = req.params;
  const runs = `/api/v2/projects/${project_id}/experiments/${experiment_id}/runs`;
  const run = ctx.store.get(runs, run_id);
  if (!run) throw notFound(`experimentrun not found: ${run_id}`);
  const metrics = entries((run.data as Rec | undefined)?.metrics).filter((m) => m.key === metric_key);
  return { status: req.compiled.op.response.status, json: { metrics } };
};
