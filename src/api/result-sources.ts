import type { Operation } from '../spec/index.js';
import type { CallArgs } from './build-request.js';

/** The call an object came from: what `api.wait` needs to read the same resource again. */
export interface ResultSource {
  readonly operation: Operation;
  readonly args: Readonly<CallArgs>;
}

/**
 * Remembers, without keeping them alive, which call answered each object: a response, and
 * each item of a list response. An application or a model build does not carry its
 * project's id, so waiting on one needs the arguments of the call that fetched it.
 */
export class ResultSources {
  private readonly sources = new WeakMap<object, ResultSource>();

  record(operation: Operation, args: Readonly<CallArgs>, data: unknown): void {
    if (!isObject(data)) return;
    const source = { operation, args };
    this.sources.set(data, source);
    const field = operation.list?.itemsField;
    const items = field ? (data as Record<string, unknown>)[field] : undefined;
    if (Array.isArray(items)) for (const item of items) if (isObject(item)) this.sources.set(item, source);
  }

  get(value: unknown): ResultSource | undefined {
    return isObject(value) ? this.sources.get(value) : undefined;
  }
}

function isObject(value: unknown): value is object {
  return typeof value === 'object' && value !== null && !(value instanceof Uint8Array);
}
