/**
 * What every answer of an `api` call gets, so code written against cmlapi's models keeps
 * working: `.to_dict()` on the result, on every Page and on every object inside them, as
 * cmlapi's models have. Non-enumerable, so tables, JSON output and `Object.keys` show only
 * the server's fields. This is the one place results are decorated.
 */
export function decorateResult<T>(value: T): T {
  decorate(value, 0);
  return value;
}

/** Deep enough for any CML answer, and bounded for a hostile one. */
const MAX_DEPTH = 64;

function decorate(value: unknown, depth: number): void {
  if (depth > MAX_DEPTH || typeof value !== 'object' || value === null || ArrayBuffer.isView(value)) return;
  if (Array.isArray(value)) {
    for (const item of value) decorate(item, depth + 1);
    return;
  }
  defineResultMethod(value, 'to_dict', toDict);
  for (const item of Object.values(value)) decorate(item, depth + 1);
}

/**
 * Gives one answer object a method (`to_dict`, a job run's `wait`): not enumerable, so
 * output shows only the server's fields, and never over a field the server sent by that name.
 */
export function defineResultMethod(value: object, name: string, method: (...args: never[]) => unknown): void {
  if (Object.hasOwn(value, name) || !Object.isExtensible(value)) return;
  Object.defineProperty(value, name, {
    value: method,
    enumerable: false,
    configurable: true,
    writable: true,
  });
}

/** cmlapi's `to_dict()`: a plain JSON copy, detached from the answer. */
function toDict(this: unknown): unknown {
  return JSON.parse(JSON.stringify(this) ?? 'null');
}
