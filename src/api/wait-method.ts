import type { ApiSpec, Operation } from '../spec/index.js';
import type { Api, ApiMethod } from './create-api.js';
import { defineResultMethod } from './result-object.js';
import type { ResultSources } from './result-sources.js';
import { type ReadTarget, type WaitOptions, waitFor, waitTargets } from './wait.js';
import { waitKindOfModel } from './wait-kinds.js';
import type { WaitProgress } from './wait-progress.js';

/** Marks the promise `api.wait` returns, so the shell awaits `api.wait(x)` typed without `await`. */
export const WAIT_PROMISE: unique symbol = Symbol.for('cmlsh.wait');

/** What the api's maker gives every wait: the Ctrl+C signal of the moment, a progress line. */
export interface WaitDefaults {
  readonly defaultSignal?: (() => AbortSignal | undefined) | undefined;
  readonly onProgress?: ((progress: WaitProgress) => void) | undefined;
}

/** The GET of a target's kind, through the api (so the shell sees its answers as any other). */
export function readThrough(api: Api): ReadTarget {
  return (target, signal) => {
    // Call options travel apart from the arguments: a second argument is a keyword object.
    const scoped = signal && typeof api.withOptions === 'function' ? api.withOptions({ signal }) : api;
    return (scoped[target.kind.operation.name] as ApiMethod)(target.args);
  };
}

/**
 * Adds `api.wait(x, options?)`: polls a job run, application, model build or deployment,
 * experiment run (or a pending call, a page or an array of them) until it reaches a final
 * state and resolves to its last answer (an array for several). Not enumerable, so
 * `Object.keys(api)` stays the operations; an operation named `wait` keeps its name.
 */
export function defineWait(api: Api, spec: ApiSpec, sources: ResultSources, defaults: WaitDefaults): void {
  if (Object.hasOwn(api, 'wait')) return;
  const read = readThrough(api);
  const wait = (value: unknown, options: WaitOptions = {}): Promise<unknown> => {
    const promise = (async () => {
      const { targets, many } = await waitTargets(spec, sources, value, options);
      const results = await waitFor(targets, read, {
        ...options,
        signal: options.signal ?? defaults.defaultSignal?.(),
        onProgress: options.onProgress ?? defaults.onProgress,
        timeoutHint: "Wait longer with api.wait(x, { timeout: '2h' }).",
      });
      const values = results.map((result) => result.value);
      return many ? values : values[0];
    })();
    Object.defineProperty(promise, WAIT_PROMISE, { value: true, enumerable: false });
    return promise;
  };
  Object.defineProperty(wait, 'name', { value: 'wait' });
  Object.defineProperty(api, 'wait', { value: wait, enumerable: false, configurable: true });
}

/**
 * Gives each waitable object of an answer (a job run from createJobRun, the runs of a
 * listJobRuns page) a `.wait(options?)` method: `await run.wait()` is `api.wait(run)`.
 */
export function addWaitMethods(api: Api, spec: ApiSpec, op: Operation, data: unknown): void {
  if (typeof data !== 'object' || data === null) return;
  const model = op.list ? op.list.itemModel : op.response.model;
  if (!waitKindOfModel(spec, model)) return;
  const field = op.list?.itemsField;
  const items = field ? (data as Record<string, unknown>)[field] : [data];
  if (!Array.isArray(items)) return;
  const wait = api.wait as unknown as (value: unknown, options?: WaitOptions) => Promise<unknown>;
  for (const item of items) {
    if (typeof item !== 'object' || item === null) continue;
    defineResultMethod(item, 'wait', function (this: unknown, options?: WaitOptions) {
      return wait(this, options);
    });
  }
}

/** True for a promise `api.wait` returned. */
export function isWaitPromise(value: unknown): boolean {
  return typeof value === 'object' && value !== null && WAIT_PROMISE in value;
}
