import { CmlUsageError } from '../errors/index.js';
import type { Operation } from '../spec/index.js';
import type { CallArgs } from './build-request.js';
import { describeValue } from './check-value.js';
import { modelNameOf } from './model-mark.js';
import { paramIndex } from './param-index.js';
import { positionalSlots, signatures } from './signature.js';

/** What one call was given, in the one-object form, plus the Python client's own keywords. */
export interface CollectedArguments {
  readonly args: CallArgs;
  /** `async_req: true` was given: cmlapi's thread, whose `.get()` waits for the answer. */
  readonly asyncReq: boolean;
  /** `_request_timeout` (seconds, or cmlapi's `[connect, read]` pair), in milliseconds. */
  readonly timeoutMs: number | undefined;
}

/** Keywords of the generated Python client that are not parameters of any operation. */
const PYTHON_KEYWORDS = new Set(['async_req', '_request_timeout']);

/**
 * Turns the arguments of `api.x(...)` into the one-object form `buildRequest` reads. Two
 * conventions, which mix: the object form `api.listJobs({ projectId })`, and cmlapi's
 * `api.create_job_run(body, project_id, job_id, { ...kwargs })` (see positionalSlots). A
 * lone plain object is the object form (its keys may name body fields); a lone model
 * built with `cmlapi.X(...)`, or an object whose keys are not all parameters, is the body.
 *
 * @throws CmlUsageError for an argument with no place, naming it and both ways to call.
 */
export function collectArguments(op: Operation, raw: readonly unknown[]): CollectedArguments {
  const values = [...raw];
  while (values.length && values.at(-1) === undefined) values.pop();
  const slots = positionalSlots(op);
  const last = values.at(-1);
  const lone = values.length === 1;
  if (lone && isPlainObject(last) && !(op.body && isBody(op, last))) return keywords(op, last, {});

  const positional = values.length > 0 && isPlainObject(last) && !lone ? values.slice(0, -1) : values;
  const args: CallArgs = {};
  let slot = 0;
  positional.forEach((value, i) => {
    // The body may be left out: `api.create_job_run(projectId, jobId)` runs with an empty one.
    if (slots[slot]?.kind === 'body' && !isObjectLike(value)) slot++;
    const target = slots[slot];
    if (!target) {
      const names = slots.map((x) => (x.kind === 'body' ? 'body' : x.param.pythonName));
      const count = names.length ? `${names.length} (${names.join(', ')})` : 'none';
      throw noPlace(op, i, value, `it takes ${count} before one object of keyword arguments`);
    }
    if (target.kind === 'body') {
      if (!isObjectLike(value) || Array.isArray(value))
        throw noPlace(op, i, value, 'the body must be an object');
      args.body = value;
    } else {
      if (isObjectLike(value))
        throw noPlace(op, i, value, `${target.param.pythonName} is ${target.param.type}`);
      args[target.param.name] = value;
    }
    slot++;
  });
  return positional === values ? keywords(op, {}, args) : keywords(op, last as Record<string, unknown>, args);
}

/** Merges the keyword object into what the positional arguments bound; refuses a second, different value. */
function keywords(op: Operation, kwargs: Record<string, unknown>, bound: CallArgs): CollectedArguments {
  let asyncReq = false;
  let timeoutMs: number | undefined;
  const extra = Object.keys(kwargs).some((key) => PYTHON_KEYWORDS.has(key));
  if (!extra && Object.keys(bound).length === 0) return { args: kwargs, asyncReq, timeoutMs };
  const args: CallArgs = { ...bound };
  const index = paramIndex(op);
  for (const [key, value] of Object.entries(kwargs)) {
    if (key === 'async_req' && !index.has(key)) {
      if (value !== undefined && typeof value !== 'boolean')
        throw new CmlUsageError(`${op.name}: async_req must be true or false, not ${describeValue(value)}`);
      asyncReq = value === true;
      continue;
    }
    if (key === '_request_timeout' && !index.has(key)) {
      timeoutMs = requestTimeout(op, value);
      continue;
    }
    const name = key === 'body' && op.body && !index.has('body') ? 'body' : index.get(key)?.name;
    if (name !== undefined && name in bound) {
      if (sameValue(bound[name], value)) continue;
      throw new CmlUsageError(
        `${op.name}: ${key} is given twice, positionally (${describeValue(bound[name])}) and by name (${describeValue(value)}). ${signatures(op)}`,
      );
    }
    args[key] = value;
  }
  return { args, asyncReq, timeoutMs };
}

function requestTimeout(op: Operation, value: unknown): number | undefined {
  if (value === undefined || value === null) return undefined;
  const seconds = Array.isArray(value) ? Math.max(...value.map(Number)) : Number(value);
  if (typeof value === 'boolean' || !Number.isFinite(seconds) || seconds <= 0) {
    throw new CmlUsageError(
      `${op.name}: _request_timeout must be seconds (a positive number, or [connect, read]), not ${describeValue(value)}`,
    );
  }
  return Math.ceil(seconds * 1000);
}

/** A lone object is the body when cmlapi built it, or when its keys are not all parameter names. */
function isBody(op: Operation, value: Record<string, unknown>): boolean {
  if (modelNameOf(value)) return true;
  const index = paramIndex(op);
  return Object.keys(value).some((key) => !index.has(key) && key !== 'body' && !PYTHON_KEYWORDS.has(key));
}

function noPlace(op: Operation, i: number, value: unknown, why: string): CmlUsageError {
  return new CmlUsageError(
    `${op.name}: argument ${i + 1} (${describeValue(value)}) has no place: ${why}. ${signatures(op)}`,
  );
}

function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  const scalar = (v: unknown) => typeof v === 'string' || typeof v === 'number' || typeof v === 'bigint';
  return scalar(a) && scalar(b) && String(a) === String(b);
}

function isObjectLike(value: unknown): value is object {
  return typeof value === 'object' && value !== null;
}

/** An object literal, a parsed JSON object, a cmlapi model: not an array, Date, Buffer, promise... */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (!isObjectLike(value) || Array.isArray(value)) return false;
  const proto = Object.getPrototypeOf(value);
  return proto === null || proto === Object.prototype || Object.getPrototypeOf(proto) === null;
}
