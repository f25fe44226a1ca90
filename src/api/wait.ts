import { abortableSleep } from '../client/index.js';
import { CmlAbortError, CmlUsageError, CmlWaitTimeoutError } from '../errors/index.js';
import { type ApiSpec, type Operation, resolveSchema } from '../spec/index.js';
import { parseDuration } from '../util/duration.js';
import { didYouMean } from '../util/suggest.js';
import type { CallArgs } from './build-request.js';
import { callInfoOf } from './call-info.js';
import { isPage, PAGE_INFO } from './page.js';
import { paramIndex } from './param-index.js';
import type { ResultSource, ResultSources } from './result-sources.js';
import { findWaitKind, type WaitKind, waitKindOfModel, waitKinds } from './wait-kinds.js';
import type { TargetProgress, WaitProgress } from './wait-progress.js';
import type { Outcome } from './wait-states.js';

/** How long a wait lasts by default before it gives up (the work goes on). */
export const DEFAULT_WAIT_TIMEOUT_MS = 60 * 60_000;
const FIRST_INTERVAL_MS = 1000;
const MAX_INTERVAL_MS = 10_000;

/** Options of `api.wait`; any other key is a path id of the resource (`projectId`), in any spelling. */
export interface WaitOptions {
  /** Give up after this long: ms, or text such as `10m`, `90s`, `1h30m`. Default one hour. */
  readonly timeout?: number | string | undefined;
  /** Poll at this fixed interval (ms); by default 1 s, growing to 10 s. */
  readonly intervalMs?: number | undefined;
  /** Wait for this state (e.g. `APPLICATION_STOPPED`) rather than any final one. */
  readonly until?: string | undefined;
  readonly signal?: AbortSignal | undefined;
  /** Told after every poll; replaces the default set when the api was made. */
  readonly onProgress?: ((progress: WaitProgress) => void) | undefined;
  readonly [pathId: string]: unknown;
}

/** One resource to wait on: its kind and the GET's path arguments (wire names). */
export interface WaitTarget {
  readonly kind: WaitKind;
  readonly args: Readonly<Record<string, unknown>>;
  readonly label: string;
  /** The object as last seen, when the caller had one. */
  readonly initial?: Readonly<Record<string, unknown>> | undefined;
}

/** How one wait ended. */
export interface WaitResult {
  readonly target: WaitTarget;
  readonly value: Readonly<Record<string, unknown>>;
  readonly state: string;
  readonly outcome: Outcome;
}

/** Reads one resource: the api's GET for the kind. */
export type ReadTarget = (target: WaitTarget, signal: AbortSignal | undefined) => Promise<unknown>;

const OPTION_KEYS = new Set(['timeout', 'intervalMs', 'until', 'signal', 'onProgress']);

/**
 * What `api.wait(x)` waits on: a pending call or its answer (a job run, a model build...),
 * a page or array of them, or a kind's name with its ids in the options
 * (`api.wait('job-run', { projectId, jobId, runId })`). Path ids come from the options, then
 * the object's own fields (its `id` fills the last one), then the call that answered it.
 * @throws CmlUsageError when the value is nothing that can be waited on, or an id is missing.
 */
export async function waitTargets(
  spec: ApiSpec,
  sources: ResultSources,
  value: unknown,
  options: WaitOptions = {},
): Promise<{ targets: WaitTarget[]; many: boolean }> {
  const given = Object.fromEntries(Object.entries(options).filter(([key]) => !OPTION_KEYS.has(key)));
  if (typeof value === 'string') {
    const kind = requireWaitKind(spec, value);
    return { targets: [target(kind, {}, given, undefined, kind.name)], many: false };
  }
  const info = callInfoOf(value);
  const settled = isThenable(value) ? await value : value;
  const callSource: ResultSource | undefined = info
    ? { operation: info.operation, args: info.args }
    : undefined;
  if (isPage(settled)) {
    const { operation, args } = settled[PAGE_INFO];
    const items = settled.items;
    return { targets: items.map((item) => objectTarget(spec, item, given, { operation, args })), many: true };
  }
  if (Array.isArray(settled)) {
    return { targets: settled.map((item) => objectTarget(spec, item, given, sources.get(item))), many: true };
  }
  return { targets: [objectTarget(spec, settled, given, callSource ?? sources.get(settled))], many: false };
}

/**
 * Polls every target until each reaches a final state (or `until`), reporting progress
 * after every round. Ctrl+C (the signal) stops the waiting, not the work.
 * @throws CmlWaitTimeoutError after the timeout; CmlAbortError when the signal fires.
 */
export async function waitFor(
  targets: readonly WaitTarget[],
  read: ReadTarget,
  options: WaitOptions & { readonly timeoutHint?: string | undefined } = {},
): Promise<WaitResult[]> {
  const timeoutMs = timeoutOf(options.timeout);
  for (const t of targets) checkUntil(t.kind, options.until);
  const startedAt = Date.now();
  const { signal } = options;
  const last: (Readonly<Record<string, unknown>> | undefined)[] = targets.map((t) => t.initial);
  const results: (WaitResult | undefined)[] = targets.map(() => undefined);
  let interval = options.intervalMs ?? FIRST_INTERVAL_MS;
  let over = false;
  let ended: WaitProgress['ended'] = 'arrived';
  const report = (done: boolean) => {
    over = done;
    const progress: TargetProgress[] = targets.map((t, i) => ({
      label: t.label,
      state: stateOf(last[i]),
      outcome: results[i]?.outcome,
    }));
    options.onProgress?.({ targets: progress, startedAt, done, ...(done ? { ended } : {}) });
  };
  try {
    for (let round = 0; ; round++) {
      await Promise.all(
        targets.map(async (t, i) => {
          if (results[i]) return;
          // A fresh object may already be final (an answer just fetched); else read it again.
          if (round > 0 || !last[i] || !outcomeOf(t.kind, stateOf(last[i]), options.until)) {
            last[i] = asRecord(await read(t, signal), t);
          }
          const value = last[i] ?? {};
          const state = stateOf(value);
          const outcome = outcomeOf(t.kind, state, options.until);
          if (outcome) results[i] = { target: t, value, state, outcome };
        }),
      );
      const done = results.every(Boolean);
      report(done);
      if (done) return results as WaitResult[];
      const left = timeoutMs - (Date.now() - startedAt);
      if (left <= 0) {
        ended = 'timed out';
        const i = results.findIndex((result) => !result);
        const still = targets[i];
        throw new CmlWaitTimeoutError(
          still?.label ?? 'it',
          stateOf(last[i]),
          timeoutMs,
          options.timeoutHint ?? 'Wait longer with a larger timeout.',
        );
      }
      await abortableSleep(Math.min(interval, left), signal);
      if (options.intervalMs === undefined) interval = Math.min(MAX_INTERVAL_MS, interval * 1.5);
    }
  } catch (error) {
    if (ended === 'arrived') ended = signal?.aborted ? 'stopped' : 'failed';
    if (signal?.aborted) {
      const i = results.findIndex((result) => !result);
      const still = targets[i];
      const where = still ? `: ${still.label} is ${stateOf(last[i]) || 'without a status'} and goes on` : '';
      throw new CmlAbortError(`Stopped waiting${where}`);
    }
    throw error;
  } finally {
    // Timed out, stopped or failed: the last report says the wait is over, so a line can go.
    if (!over) report(true);
  }
}

/**
 * The kind an operation's answer is waited on as, checked before the call is made (so
 * `call createProject --wait` creates nothing), with `until` among its states.
 * @throws CmlUsageError when the answer has no final state to wait for, or `until` is no state of it.
 */
export function waitKindOfAnswer(spec: ApiSpec, op: Operation, until?: string | undefined): WaitKind {
  const kind = waitKindOfModel(spec, op.list ? op.list.itemModel : op.response.model);
  if (!kind) {
    const what = op.response.model ? `a ${op.response.model}` : 'nothing';
    const kinds = waitKinds(spec).map((k) => k.model);
    throw new CmlUsageError(
      `${op.name} answers ${what}, which has no final state to wait for; waits are for ${kinds.join(', ')}`,
    );
  }
  checkUntil(kind, until);
  return kind;
}

/** The outcome of `state` for a wait on `kind`, with `until` a chosen state to arrive at. */
export function outcomeOf(kind: WaitKind, state: string, until: string | undefined): Outcome | undefined {
  const outcome = kind.states.outcome(state);
  if (until === undefined) return outcome;
  if (state === until) return 'succeeded';
  // Waiting for a stop, a failure still ends it; a success of the default kind does not.
  return outcome === 'failed' ? 'failed' : undefined;
}

function checkUntil(kind: WaitKind, until: string | undefined): void {
  const values = kind.states.values;
  if (until === undefined || !values || values.includes(until)) return;
  throw new CmlUsageError(
    `${kind.model} has no state "${until}".${didYouMean(until, values)} Its states: ${values.join(', ')}`,
  );
}

function timeoutOf(timeout: number | string | undefined): number {
  if (timeout === undefined) return DEFAULT_WAIT_TIMEOUT_MS;
  const ms = typeof timeout === 'number' ? timeout : parseDuration(timeout);
  if (ms === undefined || !Number.isFinite(ms) || ms < 0) {
    throw new CmlUsageError(
      `timeout takes milliseconds or a duration such as "90s", "10m", "1h30m"; got ${JSON.stringify(timeout)}`,
    );
  }
  return ms;
}

function objectTarget(
  spec: ApiSpec,
  value: unknown,
  given: Readonly<Record<string, unknown>>,
  source: ResultSource | undefined,
): WaitTarget {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new CmlUsageError(
      `api.wait takes a job run, application, model build or deployment, experiment run (or a call that answers one), not ${describe(value)}. Or name the kind: api.wait('job-run', { projectId, jobId, runId })`,
    );
  }
  const item = value as Record<string, unknown>;
  const kind = kindOf(spec, item, source);
  return target(kind, item, given, source);
}

/** The kind of an object: from the call that answered it, else from its fields. */
function kindOf(spec: ApiSpec, item: Record<string, unknown>, source: ResultSource | undefined): WaitKind {
  const op = source?.operation;
  const fromSource = waitKindOfModel(spec, op?.list ? op.list.itemModel : op?.response.model);
  if (fromSource) return fromSource;
  let best: { kind: WaitKind; score: number } | undefined;
  const keys = Object.keys(item);
  for (const kind of waitKinds(spec)) {
    const props = resolveSchema(spec.definitions[kind.model], spec.definitions).properties ?? {};
    if (!('status' in item) || keys.some((key) => !(key in props))) continue;
    // Of the models with every field, the one whose states include this status, then the smallest.
    const knows = kind.states.values?.includes(String(item.status)) ? 1000 : 0;
    const score = knows - Object.keys(props).length;
    if (!best || score > best.score) best = { kind, score };
  }
  if (best) return best.kind;
  const kinds = waitKinds(spec).map((kind) => kind.name);
  throw new CmlUsageError(
    `api.wait cannot tell what this object is (fields ${keys.slice(0, 6).join(', ') || 'none'}). It waits on ${kinds.join(', ')}: pass one as an api call answered it, or name the kind: api.wait('job-run', { projectId, jobId, runId })`,
  );
}

function target(
  kind: WaitKind,
  item: Readonly<Record<string, unknown>>,
  given: Readonly<Record<string, unknown>>,
  source: ResultSource | undefined,
  /** The kind as named (`api.wait('job-run', …)`), so the hint repeats that form whole. */
  named?: string,
): WaitTarget {
  const op = kind.operation;
  const names = op.shape.params;
  const explicit = byWireName(op, given);
  const context = source ? byWireName(source.operation, source.args) : {};
  const args: Record<string, unknown> = {};
  const missing: string[] = [];
  names.forEach((name, i) => {
    const own = i === names.length - 1 ? item.id : item[name];
    const value = explicit[name] ?? idValue(own) ?? idValue(context[name]);
    if (value === undefined) missing.push(name);
    else args[name] = value;
  });
  if (missing.length) {
    const index = paramIndex(op);
    const shown = missing.map((name) => index.get(name)?.name ?? name);
    const example = named
      ? `api.wait('${named}', { ${names.map((name) => `${index.get(name)?.name ?? name}: '…'`).join(', ')} })`
      : `api.wait(x, { ${shown.map((name) => `${name}: '…'`).join(', ')} })`;
    throw new CmlUsageError(
      `api.wait needs the ${shown.join(', ')} of this ${kind.model}: pass ${shown.length > 1 ? 'them' : 'it'}, e.g. ${example}`,
    );
  }
  const id = String(args[names.at(-1) ?? ''] ?? '');
  const hasFields = Object.keys(item).length > 0;
  return { kind, args, label: `${kind.model} ${id}`, ...(hasFields ? { initial: item } : {}) };
}

/** Arguments by wire name (`project_id`), whatever spelling they came in. */
function byWireName(op: WaitKind['operation'], args: Readonly<CallArgs>): Record<string, unknown> {
  const index = paramIndex(op);
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(args)) {
    const wire = index.get(key)?.wireName;
    if (wire && idValue(value) !== undefined) out[wire] = value;
  }
  return out;
}

function idValue(value: unknown): string | number | undefined {
  if (typeof value === 'string' && value !== '') return value;
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  return undefined;
}

function stateOf(value: Readonly<Record<string, unknown>> | undefined): string {
  const status = value?.status;
  return typeof status === 'string' ? status : '';
}

function asRecord(value: unknown, t: WaitTarget): Record<string, unknown> {
  if (typeof value === 'object' && value !== null && !Array.isArray(value))
    return value as Record<string, unknown>;
  throw new CmlUsageError(
    `${t.kind.operation.name} answered ${describe(value)} for ${t.label}, not an object`,
  );
}

/**
 * The kind named in any spelling (`job-run`, `JobRun`).
 * @throws CmlUsageError naming the kinds there are.
 */
export function requireWaitKind(spec: ApiSpec, name: string): WaitKind {
  const kind = findWaitKind(spec, name);
  if (kind) return kind;
  const kinds = waitKinds(spec).map((k) => k.name);
  throw new CmlUsageError(
    `Nothing called "${name}" can be waited on.${didYouMean(name, kinds)} Kinds: ${kinds.join(', ')}`,
  );
}

function isThenable(value: unknown): value is PromiseLike<unknown> {
  return typeof (value as { then?: unknown } | null)?.then === 'function';
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return typeof value === 'string' ? `the text ${JSON.stringify(value)}` : `a ${typeof value}`;
}
