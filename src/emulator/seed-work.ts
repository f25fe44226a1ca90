import { startLifecycle } from './lifecycle.js';
import { createRng, type Rng } from './prng.js';
import { iso, make, type SeedContext } from './seed-records.js';
import type { Rec } from './store.js';

/** How many times slower than new runs the seeded runs under way move. */
export const SEEDED_PACE = 200;

/** Statuses of work still under way: seeded ones start near now and keep moving. */
const UNDER_WAY: Readonly<Record<string, number>> = {
  ENGINE_SCHEDULING: 0,
  ENGINE_STARTING: 1,
  ENGINE_RUNNING: 2,
};

/**
 * A seeded job run whose timestamps match its status: ended runs carry every stage's time
 * up to their end, a skipped one only its scheduling, an unknown one none; runs under way
 * started moments ago and advance like new ones, and a stopping one finishes stopping.
 */
export function seedRun(
  seed: SeedContext,
  rng: Rng,
  status: string,
  startMs: number,
  fields: Rec,
): Rec | undefined {
  const { clock } = seed;
  const stage = UNDER_WAY[status];
  if (stage !== undefined) {
    // A long job: each stage takes SEEDED_PACE steps (minutes at the default pace).
    const step = clock.runStepMs * SEEDED_PACE;
    const start = clock.now() - stage * step - Math.floor(clock.runStepMs / 2);
    const run = make(seed, '/api/v2/projects/{}/jobs/{}/runs', rng, {
      ...fields,
      created_at: iso(start),
      __stepMs: step,
    });
    if (run) startLifecycle(clock, 'JobRun', run, start);
    return run;
  }
  const times: Rec = { created_at: iso(startMs), scheduling_at: iso(startMs) };
  if (status !== 'ENGINE_SKIPPED' && status !== 'ENGINE_UNKNOWN') {
    times.starting_at = iso(startMs + 20_000);
    times.running_at = iso(startMs + 45_000);
    if (status !== 'ENGINE_STOPPING') times.finished_at = iso(startMs + 45_000 + rng.int(60, 3600) * 1000);
  }
  if (status === 'ENGINE_UNKNOWN') delete times.scheduling_at;
  const run = make(seed, '/api/v2/projects/{}/jobs/{}/runs', rng, { ...fields, ...times, status });
  if (run && status === 'ENGINE_STOPPING')
    startLifecycle(clock, 'JobRunStopping', run, clock.now() - Math.floor(clock.runStepMs / 2));
  return run;
}

/** An application's status and the times that status implies. */
export function appState(seed: SeedContext, status: string, createdMs: number): Rec {
  const started = { starting_at: iso(createdMs + 10_000), running_at: iso(createdMs + 40_000) };
  switch (status) {
    case 'APPLICATION_RUNNING':
      return { status, ...started };
    case 'APPLICATION_STOPPED':
      return { status, ...started, stopped_at: iso(createdMs + 3 * 24 * 3600 * 1000) };
    case 'APPLICATION_FAILED':
      return { status, starting_at: started.starting_at };
    case 'APPLICATION_STARTING':
      return { __life: 'Application', __startMs: seed.clock.now() - Math.floor(seed.clock.runStepMs / 2) };
    case 'APPLICATION_STOPPING':
      return {
        ...started,
        __life: 'ApplicationStopping',
        __startMs: seed.clock.now() - Math.floor(seed.clock.runStepMs / 2),
      };
    default:
      return { status };
  }
}

/** What an experiment run logged: a short accuracy/loss series, params and tags. */
export function experimentData(rng: Rng, startMs: number): Rec {
  const steps = rng.int(2, 5);
  const local = createRng(Math.floor(rng.next() * 2 ** 32));
  const metrics: Rec[] = [];
  for (let step = 0; step < steps; step++) {
    const at = iso(startMs + step * 60_000);
    const accuracy = Math.round((0.6 + (0.35 * (step + 1)) / steps - local.next() * 0.03) * 1000) / 1000;
    metrics.push({ key: 'accuracy', value: accuracy, timestamp: at, step: String(step) });
    metrics.push({
      key: 'loss',
      value: Math.round((1 - accuracy) * 1000) / 1000,
      timestamp: at,
      step: String(step),
    });
  }
  return {
    metrics,
    params: [
      { key: 'learning_rate', value: String(local.pick([0.1, 0.01, 0.001])) },
      { key: 'max_depth', value: String(local.int(3, 12)) },
    ],
    tags: [{ key: 'mlflow.source.name', value: 'train.py' }],
  };
}
