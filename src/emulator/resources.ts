import { resolveSchema } from '../spec/resolve-schema.js';
import type { ApiSpec, Operation, Schema } from '../spec/types.js';

/** A kind of stored resource: one collection template such as `/api/v2/projects/{}/jobs`. */
export interface ResourceType {
  /** Collection path template with parameters as `{}`. */
  readonly template: string;
  readonly itemModel: string;
  readonly itemSchema: Schema;
  /** Field of the item holding its key (`id`, `model_id`, `username`); undefined when none. */
  readonly idField: string | undefined;
  /** Description of the id field, to pick the id style. */
  readonly idDescription: string | undefined;
  /** The collection this one's items hang under (jobs under projects). */
  parent: ResourceType | undefined;
  /** Whether any operation creates items (POST on the collection, PUT on an item). */
  creatable: boolean;
  /** For workspace-wide lists with no store of their own (`/api/v2/jobs`): the per-project template. */
  aggregateOf: ResourceType | undefined;
}

export type OpKind = 'list' | 'get' | 'create' | 'update' | 'delete' | 'upsert' | 'action' | 'generate';

/** An operation with everything the request path needs precomputed. */
export interface CompiledOp {
  readonly op: Operation;
  readonly kind: OpKind;
  readonly verb: string;
  /** Path parameter wire names in template order. */
  readonly pathParams: readonly string[];
  /** The resource the operation reads or writes, for every kind but `generate`. */
  readonly resource: ResourceType | undefined;
  /** Whether the operation names an item (the last path parameter is its key). */
  readonly onItem: boolean;
}

/**
 * Reads the spec's resource graph into stored resource types and classifies every
 * operation by method and place: GET on a collection lists, GET on an item reads, POST
 * creates, PATCH updates, DELETE removes, PUT upserts, `:verb` acts; anything without a
 * natural resource answers a schema-shaped generated object.
 */
export function compileOperations(spec: ApiSpec): CompiledOp[] {
  const types = new Map<string, ResourceType>();
  for (const resource of Object.values(spec.resources)) {
    if (!resource.itemModel) continue;
    const itemSchema = resolveSchema({ $ref: `#/definitions/${resource.itemModel}` }, spec.definitions);
    if (!itemSchema.properties) continue;
    types.set(resource.key, {
      template: resource.key,
      itemModel: resource.itemModel,
      itemSchema,
      idField: resource.idField,
      idDescription: resource.idField ? itemSchema.properties[resource.idField]?.description : undefined,
      parent: undefined,
      aggregateOf: undefined,
      creatable: false,
    });
  }
  linkTypes(types, spec);
  return spec.operations.map((op) => classify(op, types));
}

function linkTypes(types: Map<string, ResourceType>, spec: ApiSpec): void {
  // Creatable: PUT on an item, or POST on a collection that lists or answers with the item
  // (POST /workspaces/sparkconfig sets a setting; it does not make readable items).
  const plain = spec.operations.filter((op) => op.resource.verb === undefined);
  const listed = new Set(
    plain.filter((op) => op.method === 'GET' && !op.resource.onItem).map((op) => op.resource.key),
  );
  for (const op of plain) {
    const { key, onItem } = op.resource;
    const type = types.get(key);
    if (!type) continue;
    if (op.method === 'PUT' && onItem) type.creatable = true;
    if (op.method === 'POST' && !onItem && (listed.has(key) || op.response.model === type.itemModel)) {
      type.creatable = true;
    }
  }
  for (const type of types.values()) {
    const parent = spec.resources[type.template]?.parent;
    if (parent !== undefined) type.parent = types.get(parent);
  }
  // A workspace-wide list without a store of its own (`/api/v2/jobs`) reads the per-project one.
  for (const op of spec.operations) {
    if (op.method !== 'GET' || op.resource.verb !== undefined || op.shape.params.length > 0) continue;
    const type = types.get(op.resource.key);
    if (!type) continue;
    const creatable = spec.operations.some(
      (o) => o !== op && o.method !== 'GET' && o.resource.key.startsWith(type.template),
    );
    if (creatable) continue;
    const tail = `/${spec.resources[type.template]?.name ?? ''}`;
    type.aggregateOf = [...types.values()].find(
      (t) => t !== type && t.template.endsWith(tail) && t.itemModel === type.itemModel,
    );
  }
}

function classify(op: Operation, types: Map<string, ResourceType>): CompiledOp {
  const { key, onItem, verb } = op.resource;
  const type = types.get(key);
  const base = { op, verb: verb ?? '', pathParams: op.shape.params, onItem };
  if (!type) return { ...base, kind: 'generate', resource: undefined };
  // Items nothing can create (registry versions, synced-team groups) would only ever 404:
  // answer generated objects for them instead, and keep their lists (empty or seeded).
  if (onItem && !type.creatable && !type.aggregateOf)
    return { ...base, kind: 'generate', resource: undefined };
  if (verb !== undefined) return { ...base, kind: onItem ? 'action' : 'generate', resource: type };
  const matchesItem = op.response.model === type.itemModel;
  switch (op.method) {
    case 'GET':
      if (onItem) return { ...base, kind: matchesItem ? 'get' : 'generate', resource: type };
      return { ...base, kind: 'list', resource: type };
    case 'POST':
      return { ...base, kind: onItem ? 'generate' : 'create', resource: type };
    case 'PATCH':
      return { ...base, kind: onItem ? 'update' : 'generate', resource: type };
    case 'PUT':
      return { ...base, kind: onItem ? 'upsert' : 'generate', resource: type };
    case 'DELETE':
      return { ...base, kind: onItem ? 'delete' : 'generate', resource: type };
  }
}
