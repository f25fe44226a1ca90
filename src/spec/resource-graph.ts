import { isParam, shapeKey } from './path-shape.js';
import { refName, resolveSchema } from './resolve-schema.js';
import type { ListShape, Operation, OperationResource, Resource, Schema } from './types.js';

/** An operation before its place in the graph is known. */
export type DraftOperation = Omit<Operation, 'resource'>;

/**
 * Reads the resource graph off the operations' path shapes, once: each operation's
 * collection, item parameter, parents, verb and list field, and each collection's item
 * model, id parameter and parent. Everything that asks "what does this path name" (the
 * emulator, relations, id completion) reads the result instead of parsing paths.
 */
export function buildResourceGraph(
  drafts: readonly DraftOperation[],
  definitions: Readonly<Record<string, Schema>>,
): { operations: Operation[]; resources: Record<string, Resource> } {
  const operations = drafts.map((draft): Operation => ({ ...draft, resource: placeOf(draft, definitions) }));
  const byKey = new Map<string, Operation[]>();
  for (const op of operations) {
    const list = byKey.get(op.resource.key) ?? [];
    list.push(op);
    byKey.set(op.resource.key, list);
  }
  const resources: Record<string, Resource> = Object.create(null);
  for (const [key, ops] of byKey) {
    const itemModel = itemModelOf(ops, definitions);
    const idParam = idParamOf(ops);
    const cut = key.lastIndexOf('/{}');
    const parentKey = cut > 0 ? key.slice(0, cut) : undefined;
    resources[key] = {
      key,
      name: key.slice(key.lastIndexOf('/') + 1),
      parent: parentKey !== undefined && byKey.has(parentKey) ? parentKey : undefined,
      idParam,
      itemModel,
      idField: itemModel ? idFieldOf(idParam, resolveSchema(modelRef(itemModel), definitions)) : undefined,
      list: ops.find((op) => isList(op))?.operationId,
      get: ops.find((op) => isGetOne(op))?.operationId,
    };
  }
  return { operations, resources };
}

function placeOf(op: DraftOperation, definitions: Readonly<Record<string, Schema>>): OperationResource {
  const { segments, params, verb } = op.shape;
  const onItem = isParam(segments[segments.length - 1]);
  return {
    key: shapeKey(op.shape, onItem ? segments.length - 1 : segments.length),
    onItem,
    idParam: onItem ? params[params.length - 1] : undefined,
    parentParams: onItem ? params.slice(0, -1) : params,
    verb,
    listField: op.method === 'GET' ? listFieldOf(op.list, op.response.schema, definitions) : undefined,
  };
}

/**
 * The array of rows a GET answers: the paged list's own, else the response's only array
 * when nothing else in it is an object (`{ files: [...] }`, `{ keys: [...] }`; not an item
 * such as an experiment that carries `tags`).
 */
function listFieldOf(
  list: ListShape | undefined,
  schema: Schema | undefined,
  definitions: Readonly<Record<string, Schema>>,
): string | undefined {
  if (list) return list.itemsField;
  const props = Object.entries(resolveSchema(schema, definitions).properties ?? {});
  const resolved = props.map(([name, field]) => [name, resolveSchema(field, definitions)] as const);
  const arrays = resolved.filter(([, field]) => field.type === 'array');
  const objects = resolved.filter(([, field]) => field.type === 'object' || field.properties !== undefined);
  return arrays.length === 1 && objects.length === 0 ? arrays[0]?.[0] : undefined;
}

/** A GET on the collection itself that answers rows. */
function isList(op: Operation): boolean {
  const r = op.resource;
  return op.method === 'GET' && !r.onItem && r.verb === undefined && r.listField !== undefined;
}

/** A GET of one item: no verb, and not a paged list (a registered model's GET pages its versions). */
function isGetOne(op: Operation): boolean {
  return op.method === 'GET' && op.resource.onItem && op.resource.verb === undefined && !op.list;
}

/** The GET's own spelling of the item parameter, else one without a dot (`runtime_repo_id` over `runtimerepo.id`). */
function idParamOf(ops: readonly Operation[]): string | undefined {
  const onItem = ops.filter((op) => op.resource.onItem);
  const chosen =
    onItem.find((op) => op.method === 'GET' && op.resource.verb === undefined) ??
    onItem.find((op) => !op.resource.idParam?.includes('.')) ??
    onItem[0];
  return chosen?.resource.idParam;
}

/**
 * What the collection holds: what its list holds, else what GET on an item answers, else
 * what POST on the collection answers when items are addressed beneath it.
 */
function itemModelOf(
  ops: readonly Operation[],
  definitions: Readonly<Record<string, Schema>>,
): string | undefined {
  const plain = ops.filter((op) => op.resource.verb === undefined);
  for (const op of plain) {
    if (op.method !== 'GET' || op.resource.onItem) continue;
    const model = op.list?.itemModel ?? listModelOf(op, definitions);
    if (model) return model;
  }
  for (const op of plain) {
    if (op.method === 'GET' && op.resource.onItem && op.response.model) return op.response.model;
  }
  if (!ops.some((op) => op.resource.onItem)) return undefined;
  return plain.find((op) => op.method === 'POST' && !op.resource.onItem && op.response.model)?.response.model;
}

function listModelOf(op: Operation, definitions: Readonly<Record<string, Schema>>): string | undefined {
  const field = op.resource.listField;
  if (!field) return undefined;
  return refName(resolveSchema(op.response.schema, definitions).properties?.[field]?.items);
}

function idFieldOf(param: string | undefined, schema: Schema): string | undefined {
  const props = schema.properties ?? {};
  if (param?.includes('.')) {
    const field = param.slice(param.lastIndexOf('.') + 1);
    if (props[field]) return field;
  }
  if (param && props[param]) return param;
  if (props.id) return 'id';
  return undefined;
}

function modelRef(model: string): Schema {
  return { $ref: `#/definitions/${model}` };
}
