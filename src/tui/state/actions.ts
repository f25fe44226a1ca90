import type { Call } from '../../api/relations.js';
import type { ApiSpec } from '../../spec/index.js';

/** Something the spec lets you do to an item: a custom verb on its own path (`:stop`). */
export interface ItemAction {
  /** The verb as the path says it: `stop`, `restart`. */
  readonly verb: string;
  readonly call: Call;
}

/**
 * The custom verbs of an item, found in the spec rather than written per resource: every
 * operation whose path is the item's own GET path plus `:verb` (`…/runs/{run_id}:stop`),
 * called with the same path arguments. Verbs that need more than the path are left out: the
 * browser has nowhere to ask for it.
 */
export function itemActions(spec: ApiSpec, self: Call): ItemAction[] {
  const own = self.operation;
  const out: ItemAction[] = [];
  for (const op of spec.operations) {
    const { verb, key, onItem } = op.resource;
    // The item's own path, parameters spelled alike (so its arguments fill them), plus `:verb`.
    const samePath = onItem && key === own.resource.key && op.shape.params.join() === own.shape.params.join();
    if (op.method === 'GET' || verb === undefined || !samePath) continue;
    const unbound = op.params.some(
      (p) =>
        p.in !== 'path' &&
        (p.required || (p.in === 'body' && op.body?.required)) &&
        !(p.wireName in self.args),
    );
    if (unbound) continue;
    out.push({ verb, call: { operation: op, args: { ...self.args } } });
  }
  return out.sort((a, b) => a.verb.localeCompare(b.verb));
}
