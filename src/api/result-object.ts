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
  // A field of the answer that happens to be called to_dict stays the server's.
  if (!Object.hasOwn(value, 'to_dict') && Object.isExtensible(value)) {
    Object.defineProperty(value, 'to_dict', {
      value: toDict,
      enumerable: false,
      configurable: true,
      writable: true,
    });
  }
  for (const item of Object.values(value)) decorate(item, depth + 1);
}

/** cmlapi's `to_dict()`: a plain JSON copy, detached from the answer. */
function toDict(this: unknown): unknown {
  return JSON.parse(JSON.stringify(this) ?? 'null');
}
