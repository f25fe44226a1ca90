import { CmlUsageError } from '../errors/index.js';
import type { Operation, Param } from '../spec/index.js';

/** Who is asking, for messages: an operation, or a `cmlapi` model. */
type Named = Pick<Operation, 'name'>;

/** A short, safe description of a value for error messages. */
export function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'string')
    return `the string ${JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value)}`;
  if (typeof value === 'object') return 'an object';
  return `${typeof value} ${String(value)}`;
}

/** "string (int64)", "integer", "one of ENGINE_RUNNING, ..." */
export function describeType(param: Param): string {
  if (param.enum?.length) return `one of ${param.enum.join(', ')}`;
  if (param.json) return 'an object (sent as JSON), e.g. {"name":"foo"}';
  if (param.type === 'array') return `an array of ${param.itemType ?? 'values'}`;
  return param.format && param.format !== param.type ? `${param.type} (${param.format})` : param.type;
}

function usage(op: Named, param: Param, value: unknown, extra = ''): CmlUsageError {
  return new CmlUsageError(
    `${op.name}: ${param.name} must be ${describeType(param)}, not ${describeValue(value)}${extra}`,
  );
}

/**
 * Checks a path or query value and turns it into the string sent on the wire.
 * Numbers are accepted for string parameters and numeric strings for numbers, since
 * both spellings reach a query string the same way.
 */
export function encodeScalar(op: Operation, param: Param, value: unknown, type = param.type): string {
  switch (type) {
    case 'integer': {
      const ok =
        (typeof value === 'number' && Number.isInteger(value)) ||
        typeof value === 'bigint' ||
        (typeof value === 'string' && /^-?\d+$/.test(value));
      if (!ok) throw usage(op, param, value);
      return String(value);
    }
    case 'number': {
      const ok =
        (typeof value === 'number' && Number.isFinite(value)) ||
        (typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value)));
      if (!ok) throw usage(op, param, value);
      return String(value);
    }
    case 'boolean': {
      if (typeof value === 'boolean') return String(value);
      if (value === 'true' || value === 'false') return value;
      throw usage(op, param, value);
    }
    default: {
      if (typeof value !== 'string' && typeof value !== 'number' && typeof value !== 'bigint') {
        throw usage(op, param, value);
      }
      const text = String(value);
      if (param.enum?.length && !param.enum.includes(text)) throw usage(op, param, value);
      return text;
    }
  }
}

/** A JSON-valued query parameter (search_filter): objects are serialised, strings must parse. */
export function encodeJson(op: Operation, param: Param, value: unknown): string {
  if (typeof value === 'string') {
    try {
      const parsed: unknown = JSON.parse(value);
      if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) return value;
    } catch (error) {
      throw usage(op, param, value, ` (${(error as Error).message})`);
    }
    throw usage(op, param, value);
  }
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    const problem = jsonProblem(value, param.name);
    if (problem) throw new CmlUsageError(`${op.name}: ${problem}; ${param.name} must be plain JSON`);
    return JSON.stringify(value);
  }
  throw usage(op, param, value);
}

/**
 * Why `value` would not survive JSON.stringify as written: a BigInt (which throws), a
 * cycle (which throws), or a function or symbol (which vanishes without a word).
 * Undefined when it is plain JSON.
 */
export function jsonProblem(value: unknown, at: string, seen = new Set<object>()): string | undefined {
  if (typeof value === 'bigint')
    return `${at} is a BigInt (${value}n), which JSON cannot hold: pass it as a string`;
  if (typeof value === 'function' || typeof value === 'symbol') return `${at} is a ${typeof value}`;
  if (!value || typeof value !== 'object') return undefined;
  if (seen.has(value)) return `${at} refers back to an object that contains it (a cycle)`;
  if (typeof (value as { toJSON?: unknown }).toJSON === 'function') return undefined;
  seen.add(value);
  const entries = Array.isArray(value)
    ? value.map((v, i) => [`[${i}]`, v] as const)
    : Object.entries(value).map(([k, v]) => [`.${k}`, v] as const);
  for (const [key, item] of entries) {
    if (item === undefined && !Array.isArray(value)) continue;
    const problem = jsonProblem(item, `${at}${key}`, seen);
    if (problem) return problem;
  }
  seen.delete(value);
  return undefined;
}

/**
 * Checks a body field's top-level type. int64 fields are strings in CML's spec: numbers
 * and bigints are accepted and sent as strings so no precision is lost.
 */
export function checkBodyField(op: Named, param: Param, value: unknown): unknown {
  if (value === null) return value;
  switch (param.type) {
    case 'string':
      if (param.format === 'int64' && (typeof value === 'number' || typeof value === 'bigint')) {
        if (typeof value === 'number' && !Number.isInteger(value)) throw usage(op, param, value);
        return String(value);
      }
      if (typeof value !== 'string') throw usage(op, param, value);
      if (param.enum?.length && !param.enum.includes(value)) throw usage(op, param, value);
      return value;
    case 'integer':
      if (typeof value === 'bigint') {
        if (value > BigInt(Number.MAX_SAFE_INTEGER) || value < BigInt(Number.MIN_SAFE_INTEGER)) {
          throw usage(op, param, value, ' (too large for this integer field without losing digits)');
        }
        return Number(value);
      }
      if (typeof value !== 'number' || !Number.isInteger(value)) throw usage(op, param, value);
      return value;
    case 'number':
      if (typeof value !== 'number' || !Number.isFinite(value)) throw usage(op, param, value);
      return value;
    case 'boolean':
      if (typeof value !== 'boolean') throw usage(op, param, value);
      return value;
    case 'array':
      if (!Array.isArray(value)) throw usage(op, param, value);
      return value;
    default:
      if (typeof value !== 'object' || Array.isArray(value)) throw usage(op, param, value);
      return value;
  }
}
