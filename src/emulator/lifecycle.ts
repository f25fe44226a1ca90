import type { EmulatorContext } from './context.js';
import type { Rec } from './store.js';

/** How a kind of workload moves on its own: statuses in order and the timestamp each sets. */
interface Lifecycle {
  readonly stages: readonly string[];
  readonly times: readonly (string | undefined)[];
}

/**
 * CML workloads advance without being asked. The emulator computes the current stage from
 * the start time on every read instead of running timers, so nothing dangles at close.
 */
export const LIFECYCLES: Readonly<Record<string, Lifecycle>> = {
  JobRun: {
    stages: ['ENGINE_SCHEDULING', 'ENGINE_STARTING', 'ENGINE_RUNNING', 'ENGINE_SUCCEEDED'],
    times: ['scheduling_at', 'starting_at', 'running_at', 'finished_at'],
  },
  Application: {
    stages: ['APPLICATION_STARTING', 'APPLICATION_RUNNING'],
    times: ['starting_at', 'running_at'],
  },
  ModelBuild: { stages: ['pending', 'building', 'built'], times: [undefined, undefined, 'built_at'] },
  ModelDeployment: { stages: ['pending', 'deploying', 'deployed'], times: [undefined, undefined, undefined] },
};

/** Starts (or restarts) a record's lifecycle now. */
export function startLifecycle(ctx: EmulatorContext, model: string, rec: Rec): void {
  const life = LIFECYCLES[model];
  if (!life) return;
  rec.__startMs = ctx.now();
  for (const field of life.times) if (field) delete rec[field];
  advance(ctx, model, rec);
}

/** Stops a record's lifecycle with a final status and, if given, a timestamp field. */
export function endLifecycle(ctx: EmulatorContext, rec: Rec, status: string, timeField?: string): void {
  delete rec.__startMs;
  rec.status = status;
  if (timeField) rec[timeField] = new Date(ctx.now()).toISOString();
}

/** Moves a record to the stage its start time and the step interval put it in. */
export function advance(ctx: EmulatorContext, model: string, rec: Rec): void {
  const life = LIFECYCLES[model];
  const start = rec.__startMs;
  if (!life || typeof start !== 'number') return;
  const last = life.stages.length - 1;
  const reached = Math.min(last, Math.floor((ctx.now() - start) / Math.max(1, ctx.runStepMs)));
  rec.status = life.stages[reached];
  for (let i = 0; i <= reached; i++) {
    const field = life.times[i];
    if (field && rec[field] === undefined) rec[field] = new Date(start + i * ctx.runStepMs).toISOString();
  }
  if (reached === last) delete rec.__startMs;
}
