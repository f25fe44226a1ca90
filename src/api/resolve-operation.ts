import { CmlUsageError } from '../errors/index.js';
import { looseKey, type Operation } from '../spec/index.js';
import { closest } from '../util/suggest.js';

/** Finds operations by camelCase, snake_case or operationId, in any case. */
export class OperationIndex {
  private readonly byKey = new Map<string, Operation>();

  constructor(readonly operations: readonly Operation[]) {
    for (const op of operations) {
      for (const name of [op.name, op.pythonName, op.operationId]) this.byKey.set(looseKey(name), op);
    }
  }

  find(name: string): Operation | undefined {
    return this.byKey.get(looseKey(name));
  }

  /** @throws CmlUsageError with the nearest names when there is no such operation. */
  get(name: string): Operation {
    const op = this.find(name);
    if (op) return op;
    const names = this.operations.map((o) => o.name);
    const near = closest(name, names, 5);
    const hint = near.length ? ` Did you mean ${near.join(', ')}?` : '';
    throw new CmlUsageError(
      `No operation "${name}".${hint} List them with \`cmlsh ops\` (or .ops in the shell).`,
    );
  }

  /** Operations whose names, path or summary contain every word of `filter`. */
  search(filter = ''): Operation[] {
    const words = filter.toLowerCase().split(/\s+/).filter(Boolean);
    return this.operations.filter((op) => {
      const text = `${op.name} ${op.pythonName} ${op.method} ${op.path} ${op.summary}`.toLowerCase();
      return words.every((w) => text.includes(w));
    });
  }
}
