import type { CompiledOp, ResourceType } from './resources.js';

/** Fills a `{}` template with values in order: `/api/v2/projects/{}/jobs` -> `/api/v2/projects/p1/jobs`. */
export function fillTemplate(template: string, values: readonly string[]): string {
  let i = 0;
  return template.replace(/\{\}/g, () => values[i++] ?? '');
}

/** The concrete collection path, item key (for item operations) and parent item path of a request. */
export interface Located {
  readonly collection: string;
  readonly key: string | undefined;
  /** The item the collection hangs under (`/api/v2/projects/p1`), if any. */
  readonly parentItem: string | undefined;
  /** Path parameter values in template order. */
  readonly values: readonly string[];
}

export function locate(
  compiled: CompiledOp,
  type: ResourceType,
  params: Readonly<Record<string, string>>,
): Located {
  const values = compiled.pathParams.map((name) => params[name] ?? '');
  const own = compiled.onItem ? values.slice(0, -1) : values;
  const collection = fillTemplate(type.template, own);
  const key = compiled.onItem ? values[values.length - 1] : undefined;
  const parentItem = own.length > 0 ? collection.slice(0, collection.lastIndexOf('/')) : undefined;
  return { collection, key, parentItem, values };
}

/** Collection path and key of the parent item, when the type has a stored parent. */
export function parentOf(
  type: ResourceType,
  own: readonly string[],
): { collection: string; key: string } | undefined {
  if (!type.parent || own.length === 0) return undefined;
  return {
    collection: fillTemplate(type.parent.template, own.slice(0, -1)),
    key: own[own.length - 1] as string,
  };
}
