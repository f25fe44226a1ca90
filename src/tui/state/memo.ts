/** True when two argument lists hold the same values, compared by identity. */
function sameArgs(a: readonly unknown[], b: readonly unknown[]): boolean {
  return a.length === b.length && a.every((value, i) => Object.is(value, b[i]));
}

/**
 * Remembers the last result of a pure function of immutable inputs, compared by identity:
 * state is never changed in place, so the same inputs mean the same answer. One entry for
 * the whole process: for derived data that is cheap to redo (the focused item's relations,
 * its code), or that only the view on screen asks for.
 */
export function memoLast<A extends readonly unknown[], R>(fn: (...args: A) => R): (...args: A) => R {
  let last: { args: A; result: R } | undefined;
  return (...args: A) => {
    if (last && sameArgs(last.args, args)) return last.result;
    const result = fn(...args);
    last = { args, result };
    return result;
  };
}

/**
 * Like memoLast, but one last result per `owner` (the first argument, an object held
 * weakly), recomputed only when the other arguments change. For data derived from a view's
 * rows, whose cost grows with them: with a single entry for the process, any two askers
 * (views in the stack on a resize or Esc, two browsers in one process) evict each other
 * and every key pays for all the rows again.
 */
export function memoPer<O extends object, A extends readonly unknown[], R>(
  fn: (owner: O, ...args: A) => R,
): (owner: O, ...args: A) => R {
  const last = new WeakMap<O, { args: A; result: R }>();
  return (owner: O, ...args: A) => {
    const entry = last.get(owner);
    if (entry && sameArgs(entry.args, args)) return entry.result;
    const result = fn(owner, ...args);
    last.set(owner, { args, result });
    return result;
  };
}
