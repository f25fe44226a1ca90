import { type ApiSpec, type Operation, shapeKey } from '../spec/index.js';
import { paramIndex } from './param-index.js';

/** An operation and the arguments to call it with (wire names: `project_id`). */
export interface Call {
  readonly operation: Operation;
  readonly args: Readonly<Record<string, unknown>>;
}

/** A field of the item that names another resource: `job_id` -> getJob. */
export interface Reference {
  /** The item's field: `job_id`. */
  readonly field: string;
  readonly value: string | number;
  readonly call: Call;
}

/** A collection under the item: a project's `jobs`, a job's `runs`. */
export interface Child {
  /** The collection's path segment: `jobs`, `runs`, `files`. */
  readonly name: string;
  readonly call: Call;
}

/** Where an item can lead: itself, the resources it names, the collections beneath it. */
export interface Relations {
  /** The GET that reads the item itself, when the spec has one and its params can be filled. */
  readonly self: Call | undefined;
  readonly references: readonly Reference[];
  readonly children: readonly Child[];
}

/** Where an item was shown: the operation that produced it and that call's arguments. */
export interface ItemSource {
  readonly operation?: Operation | undefined;
  readonly args?: Readonly<Record<string, unknown>> | undefined;
}

type Fields = Readonly<Record<string, unknown>>;

/** An id-like value: a non-empty string or a number. */
function idValue(value: unknown): string | number | undefined {
  if (typeof value === 'string' && value !== '') return value;
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  return undefined;
}

/**
 * Fills every path parameter of `op`: `fixed` first, then the item's own fields, then the
 * context (the producing call's arguments). Undefined when one cannot be filled.
 */
function bindPath(
  op: Operation,
  fixed: Fields,
  item: Fields,
  context: Fields,
): Record<string, unknown> | undefined {
  const args: Record<string, unknown> = {};
  for (const name of op.shape.params) {
    const value = name in fixed ? fixed[name] : (idValue(item[name]) ?? idValue(context[name]));
    if (value === undefined) return undefined;
    args[name] = value;
  }
  return args;
}

/** The path arguments of a call under their wire names, whatever spelling the caller used. */
function pathArgs(source: ItemSource): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const op = source.operation;
  if (!op || !source.args) return out;
  const index = paramIndex(op);
  for (const [key, value] of Object.entries(source.args)) {
    const param = index.get(key);
    if (param?.in === 'path' && idValue(value) !== undefined) out[param.wireName] = value;
  }
  return out;
}

/** A GET of one item: its last path segment names it, no verb, no pages. */
export function isGetOne(op: Operation): boolean {
  return op.method === 'GET' && !op.list && op.resource.onItem && op.resource.verb === undefined;
}

/** A GET answering rows: it pages, or its answer is one array (ListProjectFiles' `files`). */
function isListLike(op: Operation): boolean {
  return op.method === 'GET' && (op.list !== undefined || op.resource.listField !== undefined);
}

function commonPrefix(a: string, b: string): number {
  let i = 0;
  while (i < a.length && a[i] === b[i]) i++;
  return i;
}

/** The GET of the item itself: the producing GET, or the one on an item of the list's collection. */
function selfCall(spec: ApiSpec, item: Fields, source: ItemSource, context: Fields): Call | undefined {
  const op = source.operation;
  if (!op) return undefined;
  const id = idValue(item.id);
  if (isGetOne(op)) {
    const name = op.resource.idParam ?? '';
    const args = bindPath(op, id === undefined ? {} : { [name]: id }, {}, context);
    return args ? { operation: op, args } : undefined;
  }
  if (!op.list || id === undefined) return undefined;
  const model = op.list.itemModel;
  const listed = shapeKey(op.shape);
  const own = (other: Operation) => Number(other.resource.key === listed);
  const candidates = spec.operations.filter(
    (other) =>
      isGetOne(other) && (own(other) === 1 || (model !== undefined && other.response.model === model)),
  );
  // Under the list's own collection first (a project's jobs -> getJob), then any GET of the same model.
  candidates.sort((a, b) => own(b) - own(a));
  for (const candidate of candidates) {
    const args = bindPath(candidate, { [candidate.resource.idParam ?? '']: id }, item, context);
    if (args) return { operation: candidate, args };
  }
  return undefined;
}

/** Collections one literal segment below the item's own GET path, with their path arguments bound. */
function childrenOf(spec: ApiSpec, self: Call): Child[] {
  const base = shapeKey(self.operation.shape);
  const children: Child[] = [];
  for (const op of spec.operations) {
    const { key, onItem, idParam, verb } = op.resource;
    const name = spec.resources[key]?.name ?? '';
    if (key !== `${base}/${name}` || verb !== undefined || !isListLike(op)) continue;
    const fixed: Record<string, unknown> = {};
    if (onItem) {
      // `files/{path}`: a trailing parameter the item cannot fill starts at the collection's root.
      if (idParam === undefined || idParam in self.args) continue;
      fixed[idParam] = '';
    }
    const args = bindPath(op, fixed, {}, self.args);
    if (args) children.push({ name, call: { operation: op, args } });
  }
  return children.sort((a, b) => a.name.localeCompare(b.name));
}

/** Fields named like the last path parameter of a GET (`job_id`), bound to that GET. */
function referencesOf(spec: ApiSpec, item: Fields, self: Call | undefined, context: Fields): Reference[] {
  const byParam = new Map<string, Operation[]>();
  for (const op of spec.operations) {
    const name = isGetOne(op) ? op.resource.idParam : undefined;
    if (name) byParam.set(name, [...(byParam.get(name) ?? []), op]);
  }
  const near = self?.operation.path ?? '';
  const references: Reference[] = [];
  for (const [field, raw] of Object.entries(item)) {
    const value = idValue(raw);
    const ops = field === 'id' ? undefined : byParam.get(field);
    if (!ops || value === undefined) continue;
    let best: { call: Call; score: [number, number] } | undefined;
    for (const op of ops) {
      const args = bindPath(op, { [field]: value }, item, context);
      if (!args) continue;
      // The most specific GET wins (model_id in a project: getModel over getRegisteredModel),
      // then the one nearest the item's own path.
      const score: [number, number] = [Object.keys(args).length, commonPrefix(op.path, near)];
      if (!best || score[0] > best.score[0] || (score[0] === best.score[0] && score[1] > best.score[1]))
        best = { call: { operation: op, args }, score };
    }
    if (best) references.push({ field, value, call: best.call });
  }
  return references;
}

/**
 * Where an item can lead, worked out from the spec's resource graph only: the GET
 * of the item itself (its `id` in the last path parameter), the fields that name another
 * resource (`project_id` -> getProject, a job run's `job_id` -> getJob with `project_id`
 * bound), and the collections one segment below its own path (a project's jobs, a job's
 * runs). Path parameters are filled from the item, then from the producing call's arguments.
 */
export function relationsOf(spec: ApiSpec, item: unknown, source: ItemSource = {}): Relations {
  if (typeof item !== 'object' || item === null || Array.isArray(item))
    return { self: undefined, references: [], children: [] };
  const fields = item as Fields;
  const context = pathArgs(source);
  const self = selfCall(spec, fields, source, context);
  const around = { ...context, ...self?.args };
  return {
    self,
    references: referencesOf(spec, fields, self, around),
    children: self ? childrenOf(spec, self) : [],
  };
}
