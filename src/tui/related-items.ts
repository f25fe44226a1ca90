import type { Call, Relations } from '../api/relations.js';

/** One line of the related pick list: what it says, what it calls, the crumb it leaves. */
export interface RelatedItem {
  readonly label: string;
  readonly call: Call;
  readonly crumb: string;
}

/** References first (the resources the item names), then the collections beneath it. */
export function relatedItems(relations: Relations | undefined): RelatedItem[] {
  if (!relations) return [];
  return [
    ...relations.references.map((ref) => ({
      label: `→ ${ref.field} ${ref.value}  (${ref.call.operation.name})`,
      call: ref.call,
      crumb: `${ref.field.replace(/_(id|identifier)$/, '')} ${ref.value}`,
    })),
    ...relations.children.map((child) => ({
      label: `▤ ${child.name}  (${child.call.operation.name})`,
      call: child.call,
      crumb: child.name,
    })),
  ];
}
