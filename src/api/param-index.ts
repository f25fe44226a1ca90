import type { Operation, Param } from '../spec/index.js';

const cache = new WeakMap<Operation, Map<string, Param>>();

/** Every spelling a parameter answers to (camelCase, snake_case, wire name) -> the parameter. */
export function paramIndex(op: Operation): Map<string, Param> {
  let index = cache.get(op);
  if (!index) {
    index = new Map();
    // Path and query parameters come first in op.params and win over a body field of the same name.
    for (const param of op.params) {
      for (const key of [param.name, param.pythonName, param.wireName]) {
        if (!index.has(key)) index.set(key, param);
      }
    }
    cache.set(op, index);
  }
  return index;
}

/** The names a user can pass, for messages and completion: camelCase, in spec order. */
export function argumentNames(op: Operation): string[] {
  const names = [...new Set(op.params.map((p) => p.name))];
  return op.body ? [...names, 'body'] : names;
}
