import type { Handler } from './context.js';
import { genericHandlers } from './crud.js';
import type { CompiledOp } from './resources.js';
import { semanticHandlers } from './semantics.js';

/**
 * Each routed operation's handler, chosen once when a server starts: the CML behaviour
 * named by its operationId, else the generic one for its kind.
 */
export function handlerTable(compiled: readonly CompiledOp[]): ReadonlyMap<CompiledOp, Handler> {
  // Own properties only: an operationId such as `constructor` must not find Object's.
  const semantic = (id: string) => (Object.hasOwn(semanticHandlers, id) ? semanticHandlers[id] : undefined);
  return new Map(compiled.map((c) => [c, semantic(c.op.operationId) ?? genericHandlers[c.kind]]));
}
