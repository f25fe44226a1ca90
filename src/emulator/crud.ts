import { resolveSchema } from '../spec/resolve-schema.js';
import type { EmulatorContext, EmulatorRequest, Handler, Reply } from './context.js';
import { notFound } from './http-failure.js';
import type { ListScope } from './list-engine.js';
import { locate, parentOf } from './paths.js';
import { buildRecord, generatedReply, mergeUpdate } from './records.js';
import type { ResourceType } from './resources.js';
import { shapeValue } from './shape.js';
import type { Rec } from './store.js';

const ok = (ctx: EmulatorContext, req: EmulatorRequest, json: unknown): Reply => ({
  status: req.compiled.op.response.status,
  json: shapeValue(req.compiled.op.response.schema, json, ctx.definitions) ?? {},
});

function typeOf(req: EmulatorRequest): ResourceType {
  return req.compiled.resource as ResourceType;
}

/** 404 unless the item the collection hangs under exists (jobs of a deleted project). */
function requireParent(ctx: EmulatorContext, req: EmulatorRequest, type: ResourceType): void {
  const located = locate(req.compiled, type, req.params);
  const own = req.compiled.onItem ? located.values.slice(0, -1) : located.values;
  const parent = parentOf(type, own);
  // Only parents that can exist in the store are checked (users/{username} is never stored).
  if (parent && type.parent?.creatable && !ctx.store.get(parent.collection, parent.key)) {
    throw notFound(`${type.parent.itemModel.toLowerCase()} not found: ${parent.key}`);
  }
}

/** The stored record an item operation names. @throws HttpFailure 404 when absent. */
export function findItem(
  ctx: EmulatorContext,
  req: EmulatorRequest,
): { rec: Rec; collection: string; key: string } {
  const type = typeOf(req);
  const { collection, key = '' } = locate(req.compiled, type, req.params);
  const rec = ctx.store.get(collection, key);
  if (!rec) {
    requireParent(ctx, req, type);
    throw notFound(`${type.itemModel.toLowerCase()} not found: ${key}`);
  }
  ctx.refreshers.get(type.itemModel)?.(ctx, rec);
  return { rec, collection, key };
}

/** A list, narrowed first by what the caller may see when a scope is given. */
export function listItems(ctx: EmulatorContext, req: EmulatorRequest, scope?: ListScope): Reply {
  const type = typeOf(req);
  const op = req.compiled.op;
  const refresh = ctx.refreshers.get(type.itemModel);
  let source: { items: readonly Rec[]; stamp: string };
  if (type.aggregateOf) source = ctx.store.aggregate(type.aggregateOf.template);
  else {
    requireParent(ctx, req, type);
    source = ctx.store.items(locate(req.compiled, type, req.params).collection);
  }
  if (refresh) for (const rec of source.items) refresh(ctx, rec);
  const page = ctx.lists.run(
    op,
    source.items,
    refresh ? undefined : source.stamp,
    {
      pageSize: req.query.get('page_size'),
      pageToken: req.query.get('page_token'),
      searchFilter: req.query.get('search_filter'),
      sort: req.query.get('sort'),
    },
    scope,
  );
  const field = op.list?.itemsField ?? arrayField(ctx, req);
  const body: Record<string, unknown> = { next_page_token: page.nextPageToken };
  if (field) body[field] = page.items;
  return ok(ctx, req, body);
}

function arrayField(ctx: EmulatorContext, req: EmulatorRequest): string | undefined {
  const props = resolveSchema(req.compiled.op.response.schema, ctx.definitions).properties ?? {};
  return Object.entries(props).find(([, s]) => s.type === 'array')?.[0];
}

const list: Handler = (ctx, req) => listItems(ctx, req);

const get: Handler = (ctx, req) => ok(ctx, req, findItem(ctx, req).rec);

/**
 * Creates a record from a POST on a collection; `adjust` lets CML semantics set state
 * (a new job run starts scheduling) before it is stored.
 */
export function createRecord(ctx: EmulatorContext, req: EmulatorRequest, adjust?: (rec: Rec) => void): Reply {
  const type = typeOf(req);
  requireParent(ctx, req, type);
  const located = locate(req.compiled, type, req.params);
  const { key, rec } = buildRecord(ctx, type, req.compiled.op, req.body, req.params, undefined);
  adjust?.(rec);
  ctx.store.put(located.collection, type.template, located.parentItem, key, rec);
  ctx.refreshers.get(type.itemModel)?.(ctx, rec);
  return answerWith(ctx, req, type, rec);
}

const create: Handler = (ctx, req) => createRecord(ctx, req);

const upsert: Handler = (ctx, req) => {
  const type = typeOf(req);
  requireParent(ctx, req, type);
  const located = locate(req.compiled, type, req.params);
  const key = located.key ?? '';
  const { rec } = buildRecord(ctx, type, req.compiled.op, req.body, req.params, key);
  ctx.store.put(located.collection, type.template, located.parentItem, key, rec);
  return answerWith(ctx, req, type, rec);
};

const update: Handler = (ctx, req) => {
  const type = typeOf(req);
  const found = findItem(ctx, req);
  const next = mergeUpdate(ctx, type, found.rec, req.body);
  const parentItem = locate(req.compiled, type, req.params).parentItem;
  ctx.store.put(found.collection, type.template, parentItem, found.key, next);
  return answerWith(ctx, req, type, next);
};

const remove: Handler = (ctx, req) => {
  const found = findItem(ctx, req);
  ctx.store.remove(found.collection, found.key);
  return ok(ctx, req, generatedReply(ctx, req.compiled.op.response.schema, req.compiled.op.path, []));
};

/** A custom verb on an item: answers with the item when the response is the item. */
const action: Handler = (ctx, req) => {
  const found = findItem(ctx, req);
  return answerWith(ctx, req, typeOf(req), found.rec);
};

/** No natural resource: a schema-shaped answer, stable per path, echoing the request. */
export const generate: Handler = (ctx, req) => {
  const seed = `${req.compiled.op.method} ${req.compiled.op.operationId} ${JSON.stringify(req.params)}`;
  return ok(ctx, req, generatedReply(ctx, req.compiled.op.response.schema, seed, [req.params, req.body]));
};

function answerWith(ctx: EmulatorContext, req: EmulatorRequest, type: ResourceType, rec: Rec): Reply {
  if (req.compiled.op.response.model === type.itemModel) return ok(ctx, req, rec);
  return ok(
    ctx,
    req,
    generatedReply(ctx, req.compiled.op.response.schema, req.compiled.op.path, [rec, req.body]),
  );
}

/** The generic handler for each operation kind. */
export const genericHandlers = {
  list,
  get,
  create,
  upsert,
  update,
  delete: remove,
  action,
  generate,
} as const;
