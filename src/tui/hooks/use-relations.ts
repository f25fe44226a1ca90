import { useMemo } from 'react';
import { type ItemSource, type Relations, relationsOf } from '../../api/relations.js';
import type { ApiSpec } from '../../spec/index.js';

/**
 * The relations of the item in the detail view, recomputed only when the item changes.
 * Undefined without a spec or an api to follow them with: drill-down is then hidden.
 */
export function useRelations(
  spec: ApiSpec | undefined,
  enabled: boolean,
  item: unknown,
  source: ItemSource,
): Relations | undefined {
  const { operation, args } = source;
  return useMemo(
    () => (spec && enabled && item !== undefined ? relationsOf(spec, item, { operation, args }) : undefined),
    [spec, enabled, item, operation, args],
  );
}
