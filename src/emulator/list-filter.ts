import { badRequest } from './http-failure.js';
import type { Rec } from './store.js';
import { STATUS_PREFIXES } from './workspace-facts.js';

/** One compiled search_filter clause. */
type Clause = (rec: Rec) => boolean;

/** Reads a dotted key (`creator.username`) out of a record. */
export function fieldAt(rec: Rec, key: string): unknown {
  if (!key.includes('.')) return rec[key];
  let current: unknown = rec;
  for (const part of key.split('.')) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<string, unknown>)[part];
  }
  return current;
}

/**
 * Compiles CML's search_filter: a JSON object of key -> value. String values match as
 * case-sensitive substrings unless they carry an operator (`gt:`, `lt:`, `ge:`, `le:`,
 * `eq:`, `isnull:true|false`); numbers and booleans match exactly.
 * @throws HttpFailure 400 on malformed JSON, a non-object, or a key the operation does not admit.
 */
export function compileFilter(text: string, allowed: readonly string[]): Clause | undefined {
  if (text === '') return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw badRequest(`invalid search_filter: not JSON: ${text}`);
  }
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) {
    throw badRequest('invalid search_filter: expected a JSON object');
  }
  const clauses: Clause[] = [];
  for (const [key, value] of Object.entries(parsed)) {
    if (allowed.length > 0 && !allowed.includes(key)) {
      throw badRequest(`invalid search_filter key "${key}"; supported keys are: [${allowed.join(' ')}]`);
    }
    clauses.push(clause(key, value));
  }
  if (clauses.length === 0) return undefined;
  return (rec) => clauses.every((c) => c(rec));
}

function clause(key: string, value: unknown): Clause {
  if (typeof value === 'number' || typeof value === 'boolean') {
    return (rec) => {
      const field = fieldAt(rec, key);
      return field === value || String(field) === String(value);
    };
  }
  if (typeof value !== 'string') throw badRequest(`invalid search_filter value for "${key}"`);
  const op = /^(gt|lt|ge|le|eq|isnull):(.*)$/s.exec(value);
  if (!op)
    return (rec) => textOf(fieldAt(rec, key)).includes(value) || statusWord(fieldAt(rec, key)) === value;
  const [, name, operand = ''] = op;
  if (name === 'isnull') {
    if (operand !== 'true' && operand !== 'false') throw badRequest(`invalid isnull operand for "${key}"`);
    const wantNull = operand === 'true';
    return (rec) => isEmpty(fieldAt(rec, key)) === wantNull;
  }
  return (rec) => {
    const field = fieldAt(rec, key);
    if (field === undefined || field === null) return false;
    const c = compare(field, operand);
    if (name === 'eq') return c === 0;
    if (name === 'gt') return c > 0;
    if (name === 'lt') return c < 0;
    if (name === 'ge') return c >= 0;
    return c <= 0;
  };
}

/** `ENGINE_RUNNING` -> `running`: the word the descriptions document status filters by. */
function statusWord(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const prefix = STATUS_PREFIXES.find((p) => value.startsWith(p));
  return prefix ? value.slice(prefix.length).toLowerCase() : undefined;
}

function isEmpty(value: unknown): boolean {
  return value === undefined || value === null || value === '' || value === 0 || value === '0';
}

function textOf(value: unknown): string {
  if (value === undefined || value === null) return '';
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}

/** Numbers compare as numbers, everything else as text (RFC 3339 times sort as text). */
export function compare(a: unknown, b: unknown): number {
  const x = Number(a);
  const y = Number(b);
  if (a !== '' && b !== '' && typeof a !== 'boolean' && Number.isFinite(x) && Number.isFinite(y))
    return x - y;
  const s = textOf(a);
  const t = textOf(b);
  return s < t ? -1 : s > t ? 1 : 0;
}
