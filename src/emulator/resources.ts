import { refName, resolveSchema } from '../spec/resolve-schema.js';
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

interface Shape {
  readonly segments: string[];
  readonly verb: string;
  readonly params: string[];
}

function shapeOf(path: string): Shape {
  const verbMatch = /:([A-Za-z][\w-]*)$/.exec(path);
  const bare = verbMatch ? path.slice(0, verbMatch.index) : path;
  const segments = bare.split('/').filter(Boolean);
  const params = segments.flatMap((s) => /^\{(.+)\}$/.exec(s)?.[1] ?? []);
  return { segments, verb: verbMatch?.[1] ?? '', params };
}

const canonical = (segments: readonly string[]): string =>
  `/${segments.map((s) => (s.startsWith('{') ? '{}' : s)).join('/')}`;

function lastIsParam(shape: Shape): boolean {
  return shape.segments[shape.segments.length - 1]?.startsWith('{') === true;
}

/**
 * Reads the spec's path shapes into resource types and classifies every operation by
 * method and shape: GET on a collection lists, GET on an item reads, POST creates, PATCH
 * updates, DELETE removes, PUT upserts, `:verb` acts; anything without a natural resource
 * answers a schema-shaped generated object.
 */
export function compileOperations(spec: ApiSpec): CompiledOp[] {
  const defs = spec.definitions;
  const shapes = new Map(spec.operations.map((op) => [op, shapeOf(op.path)]));
  const itemModels = new Map<string, string>();
  const note = (template: string, model: string | undefined) => {
    if (model && !itemModels.has(template)) itemModels.set(template, model);
  };
  // Item model of a collection: what its list holds, else what GET on an item returns,
  // else what POST on the collection returns.
  for (const [op, shape] of shapes) {
    if (shape.verb || op.method !== 'GET' || lastIsParam(shape)) continue;
    note(canonical(shape.segments), listItemModel(op, defs));
  }
  for (const [op, shape] of shapes) {
    if (shape.verb || op.method !== 'GET' || !lastIsParam(shape)) continue;
    note(canonical(shape.segments.slice(0, -1)), op.response.model);
  }
  for (const [op, shape] of shapes) {
    if (shape.verb || op.method !== 'POST' || lastIsParam(shape)) continue;
    if (itemModels.has(canonical(shape.segments))) continue;
    const hasItemOps = [...shapes.values()].some(
      (s) =>
        s.segments.length === shape.segments.length + 1 &&
        canonical(s.segments).startsWith(`${canonical(shape.segments)}/{}`),
    );
    if (hasItemOps) note(canonical(shape.segments), op.response.model);
  }

  const types = new Map<string, ResourceType>();
  for (const [template, model] of itemModels) {
    const itemSchema = resolveSchema({ $ref: `#/definitions/${model}` }, defs);
    if (!itemSchema.properties) continue;
    const itemParam = itemParamFor(template, shapes);
    const idField = idFieldFor(itemParam, itemSchema);
    types.set(template, {
      template,
      itemModel: model,
      itemSchema,
      idField,
      idDescription: idField ? (itemSchema.properties[idField]?.description ?? undefined) : undefined,
      parent: undefined,
      aggregateOf: undefined,
      creatable: false,
    });
  }
  linkTypes(types, spec, shapes);

  return spec.operations.map((op) => classify(op, shapes.get(op) as Shape, types));
}

function listItemModel(op: Operation, defs: Readonly<Record<string, Schema>>): string | undefined {
  if (op.list?.itemModel) return op.list.itemModel;
  // Lists without paging (ListV2Keys): a response holding exactly one array of models.
  const props = resolveSchema(op.response.schema, defs).properties ?? {};
  const arrays = Object.values(props).filter((s) => s.type === 'array' && refName(s.items));
  return arrays.length === 1 ? refName(arrays[0]?.items) : undefined;
}

function itemParamFor(template: string, shapes: Map<Operation, Shape>): string | undefined {
  for (const shape of shapes.values()) {
    if (shape.segments.length < 1 || !lastIsParam(shape)) continue;
    if (canonical(shape.segments.slice(0, -1)) === template) return shape.params[shape.params.length - 1];
  }
  return undefined;
}

function idFieldFor(param: string | undefined, schema: Schema): string | undefined {
  const props = schema.properties ?? {};
  if (param?.includes('.')) {
    const field = param.slice(param.lastIndexOf('.') + 1);
    if (props[field]) return field;
  }
  if (param && props[param]) return param;
  if (props.id) return 'id';
  return undefined;
}

function linkTypes(types: Map<string, ResourceType>, spec: ApiSpec, shapes: Map<Operation, Shape>): void {
  // Creatable: PUT on an item, or POST on a collection that lists or answers with the item
  // (POST /workspaces/sparkconfig sets a setting; it does not make readable items).
  const listed = new Set<string>();
  for (const [op, shape] of shapes) {
    if (!shape.verb && op.method === 'GET' && !lastIsParam(shape)) listed.add(canonical(shape.segments));
  }
  for (const [op, shape] of shapes) {
    if (shape.verb) continue;
    const onItem = lastIsParam(shape);
    const template = canonical(onItem ? shape.segments.slice(0, -1) : shape.segments);
    const type = types.get(template);
    if (!type) continue;
    if (op.method === 'PUT' && onItem) type.creatable = true;
    if (op.method === 'POST' && !onItem && (listed.has(template) || op.response.model === type.itemModel)) {
      type.creatable = true;
    }
  }
  for (const type of types.values()) {
    const cut = type.template.lastIndexOf('/{}');
    if (cut > 0) type.parent = types.get(type.template.slice(0, cut));
  }
  // A workspace-wide list without a store of its own (`/api/v2/jobs`) reads the per-project one.
  for (const op of spec.operations) {
    const shape = shapes.get(op) as Shape;
    if (op.method !== 'GET' || shape.verb || shape.params.length > 0) continue;
    const type = types.get(canonical(shape.segments));
    if (!type) continue;
    const creatable = spec.operations.some(
      (o) =>
        o !== op &&
        o.method !== 'GET' &&
        canonical((shapes.get(o) as Shape).segments).startsWith(type.template),
    );
    if (creatable) continue;
    const tail = `/${shape.segments[shape.segments.length - 1]}`;
    type.aggregateOf = [...types.values()].find(
      (t) => t !== type && t.template.endsWith(tail) && t.itemModel === type.itemModel,
    );
  }
}

function classify(op: Operation, shape: Shape, types: Map<string, ResourceType>): CompiledOp {
  const onItem = lastIsParam(shape);
  const collection = canonical(onItem ? shape.segments.slice(0, -1) : shape.segments);
  const type = types.get(collection);
  const base = { op, verb: shape.verb, pathParams: shape.params, onItem };
  if (!type) return { ...base, kind: 'generate', resource: undefined };
  // Items nothing can create (registry versions, synced-team groups) would only ever 404:
  // answer generated objects for them instead, and keep their lists (empty or seeded).
  if (onItem && !type.creatable && !type.aggregateOf)
    return { ...base, kind: 'generate', resource: undefined };
  if (shape.verb) return { ...base, kind: onItem ? 'action' : 'generate', resource: type };
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
