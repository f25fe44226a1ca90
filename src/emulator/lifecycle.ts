import type { EmulatorContext, Refresher } from './context.js';
import type { Rec } from './store.js';

/** How a kind of workload moves on its own: statuses in order and the timestamp each sets. */
interface Lifecycle {
  readonly stages: readonly string[];
  readonly times: readonly (string | undefined)[];
}

/** What moving a record needs: the clock and the step between stages. */
export type Clock = Pick<EmulatorContext, 'now' | 'runStepMs'>;

const RUN_TIMES = ['scheduling_at', 'starting_at', 'running_at', 'finished_at'];

/**
 * CML workloads advance without being asked. The emulator computes the current stage from
 * the start time on every read instead of running timers, so nothing dangles at close.
 * A record names its lifecycle (`__life`): a run that will fail, a stop in progress.
 */
export const LIFECYCLES: Readonly<Record<string, Lifecycle>> = {
  JobRun: {
    stages: ['ENGINE_SCHEDULING', 'ENGINE_STARTING', 'ENGINE_RUNNING', 'ENGINE_SUCCEEDED'],
    times: RUN_TIMES,
  },
  JobRunFailing: {
    stages: ['ENGINE_SCHEDULING', 'ENGINE_STARTING', 'ENGINE_RUNNING', 'ENGINE_FAILED'],
    times: RUN_TIMES,
  },
  JobRunStopping: { stages: ['ENGINE_STOPPING', 'ENGINE_STOPPED'], times: [undefined, 'finished_at'] },
  Application: {
    stages: ['APPLICATION_STARTING', 'APPLICATION_RUNNING'],
    times: ['starting_at', 'running_at'],
  },
  ApplicationStopping: {
    stages: ['APPLICATION_STOPPING', 'APPLICATION_STOPPED'],
    times: [undefined, 'stopped_at'],
  },
  ModelBuild: { stages: ['pending', 'building', 'built'], times: [undefined, undefined, 'built_at'] },
  ModelDeployment: { stages: ['pending', 'deploying', 'deployed'], times: [undefined, undefined, undefined] },
  ModelDeploymentStopping: { stages: ['stopping', 'stopped'], times: [undefined, 'stopped_at'] },
};

/** The item models whose records move: each refreshes by its record's own lifecycle. */
const MOVING_MODELS = ['JobRun', 'Application', 'ModelBuild', 'ModelDeployment'];

/**
 * Starts (or restarts) a record's lifecycle, now or at `startMs` (seeded work already
 * under way), clearing the timestamps it will set again.
 */
export function startLifecycle(clock: Clock, name: string, rec: Rec, startMs = clock.now()): void {
  const life = LIFECYCLES[name];
  if (!life) return;
  rec.__life = name;
  rec.__startMs = startMs;
  for (const field of life.times) if (field) delete rec[field];
  advance(clock, rec);
}

/** Moves a record to the stage its start time and the step interval put it in. */
export function advance(clock: Clock, rec: Rec): void {
  const life = LIFECYCLES[String(rec.__life)];
  const start = rec.__startMs;
  if (!life || typeof start !== 'number') return;
  const last = life.stages.length - 1;
  // Seeded long-running work moves at its own, slower pace (`__stepMs`).
  const step = Math.max(1, typeof rec.__stepMs === 'number' ? rec.__stepMs : clock.runStepMs);
  const reached = Math.min(last, Math.floor((clock.now() - start) / step));
  rec.status = life.stages[reached];
  for (let i = 0; i <= reached; i++) {
    const field = life.times[i];
    if (field && rec[field] === undefined) rec[field] = new Date(start + i * step).toISOString();
  }
  if (reached === last) {
    delete rec.__startMs;
    delete rec.__life;
    delete rec.__stepMs;
  }
}

/** Whether a record is still moving (a stop of a finished run changes nothing). */
export function isMoving(rec: Rec): boolean {
  return typeof rec.__startMs === 'number';
}

/** One refresher per model that moves, for a new server's context. */
export function lifecycleRefreshers(): Map<string, Refresher> {
  return new Map(MOVING_MODELS.map((model) => [model, (ctx, rec) => advance(ctx, rec)]));
}
