import { CmlSpecError } from '../errors/index.js';
import { checkDepth, checkPath } from './check-spec.js';
import { isJsonQueryParam, keysFromDescription } from './filter-keys.js';
import { camelName, methodName, pythonName, safeName, snakeName } from './names.js';
import { openApi3ToSwagger } from './openapi3.js';
import { parsePath } from './path-shape.js';
import { refName, resolveSchema } from './resolve-schema.js';
import { buildResourceGraph, type DraftOperation } from './resource-graph.js';
import type { SwaggerDocument, SwaggerOperation, SwaggerParameter } from './swagger-types.js';
import type { ApiSpec, ListShape, Operation, Param, Schema, ValueType } from './types.js';

const METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const;

/**
 * Turns a Swagger 2.0 (or OpenAPI 3) document into cmlsh's operation table.
 * @throws CmlSpecError when the document is not Swagger 2.0 or has no paths.
 */
export function normaliseSpec(doc: unknown, source: string): ApiSpec {
  const swagger = checkDocument(doc, source);
  checkDepth(swagger, source);
  const definitions = isObject(swagger.definitions) ? swagger.definitions : {};
  const drafts: DraftOperation[] = [];
  for (const [path, item] of Object.entries(swagger.paths)) {
    if (!isObject(item)) continue;
    checkPath(path, source);
    for (const method of METHODS) {
      const op = item[method];
      if (!isObject(op)) continue;
      try {
        drafts.push(normaliseOperation(path, method, op, parameterList(item.parameters), definitions));
      } catch (error) {
        // Data from the wire is unknown: whatever shape slipped past the checks, say where.
        throw new CmlSpecError(
          `The spec from ${source} is malformed at ${method.toUpperCase()} ${path}: ${(error as Error).message}`,
          source,
          { cause: error },
        );
      }
    }
  }
  checkUniqueNames(drafts, source);
  const { operations, resources } = buildResourceGraph(drafts, definitions);
  return {
    title: swagger.info?.title ?? 'CML API v2',
    version: swagger.info?.version ?? 'unknown',
    source,
    operations,
    resources,
    definitions,
  };
}

/** Two operations under one id or one method name would shadow each other: refuse, naming both. */
function checkUniqueNames(drafts: readonly DraftOperation[], source: string): void {
  const ids = new Map<string, DraftOperation>();
  const names = new Map<string, DraftOperation>();
  const where = (op: DraftOperation) => `${op.method} ${op.path}`;
  for (const op of drafts) {
    const twin = ids.get(op.operationId);
    if (twin) {
      throw new CmlSpecError(
        `The spec from ${source} has the operationId ${op.operationId} twice: ${where(twin)} and ${where(op)}`,
        source,
      );
    }
    ids.set(op.operationId, op);
    for (const name of new Set([op.name, op.pythonName])) {
      const other = names.get(name);
      if (other && other !== op) {
        throw new CmlSpecError(
          `The spec from ${source} has operationIds ${other.operationId} (${where(other)}) and ${op.operationId} (${where(op)}) that both make the method ${name}`,
          source,
        );
      }
      names.set(name, op);
    }
  }
}

function checkDocument(doc: unknown, source: string): SwaggerDocument {
  if (!doc || typeof doc !== 'object' || Array.isArray(doc)) {
    throw new CmlSpecError(`The spec from ${source} is not a JSON object`, source);
  }
  const record = doc as Record<string, unknown>;
  if (typeof record.openapi === 'string' && record.openapi.startsWith('3.')) {
    return checkDocument(openApi3ToSwagger(record), source);
  }
  if (record.swagger !== '2.0') {
    const found =
      typeof record.openapi === 'string' ? `OpenAPI ${record.openapi}` : 'no "swagger": "2.0" field';
    throw new CmlSpecError(
      `The spec from ${source} is neither Swagger 2.0 nor OpenAPI 3 (found ${found})`,
      source,
    );
  }
  if (!isObject(record.paths)) {
    throw new CmlSpecError(`The spec from ${source} has no "paths" object`, source);
  }
  return doc as SwaggerDocument;
}

function normaliseOperation(
  path: string,
  method: (typeof METHODS)[number],
  op: SwaggerOperation,
  shared: readonly SwaggerParameter[],
  definitions: Readonly<Record<string, Schema>>,
): DraftOperation {
  const operationId =
    typeof op.operationId === 'string' && /^\w+$/.test(op.operationId)
      ? op.operationId
      : syntheticId(method, path);
  const declared = mergeParameters(shared, parameterList(op.parameters));
  const params: Param[] = [];
  let body: Operation['body'];
  for (const p of declared) {
    if (p.in === 'header') continue;
    if (p.in === 'body') {
      const schema = isObject(p.schema) ? p.schema : {};
      body = { required: p.required === true, model: refName(schema), schema };
      params.push(...bodyFields(resolveSchema(schema, definitions), definitions));
      continue;
    }
    params.push(plainParam(p));
  }
  if (declared.some((p) => p.in === 'formData' && UPLOAD_KEY_IS_PATH.test(p.description ?? ''))) {
    params.push(destinationParam());
  }
  const success = Object.entries(isObject(op.responses) ? op.responses : {}).find(([status]) =>
    /^2\d\d$/.test(status),
  );
  const responseSchema =
    isObject(success?.[1]) && isObject(success[1].schema) ? success[1].schema : undefined;
  const response = {
    status: success ? Number(success[0]) : 200,
    model: refName(responseSchema),
    schema: responseSchema,
  };
  const query = (name: string) => declared.find((p) => p.in === 'query' && p.name === name);
  return {
    operationId,
    // Never a name `api` already has (`then` would make it a promise): `thenOp`, `then_op`.
    name: safeName(methodName(operationId), 'Op'),
    pythonName: safeName(pythonName(operationId), '_op'),
    method: method.toUpperCase() as Operation['method'],
    path,
    shape: parsePath(path),
    summary: typeof op.summary === 'string' ? op.summary.trim() : '',
    description: typeof op.description === 'string' ? op.description.trim() : '',
    params,
    body,
    multipart:
      (op.consumes ?? []).includes('multipart/form-data') || declared.some((p) => p.in === 'formData'),
    response,
    list: query('page_token') ? listShape(responseSchema, definitions) : undefined,
    filterKeys: keysFromDescription(query('search_filter')?.description),
    sortKeys: keysFromDescription(query('sort')?.description),
  };
}

/** Operation-level parameters override path-level ones of the same name and place. */
function mergeParameters(
  shared: readonly SwaggerParameter[],
  own: readonly SwaggerParameter[],
): SwaggerParameter[] {
  const key = (p: SwaggerParameter) => `${p.in}:${p.name}`;
  const ownKeys = new Set(own.map(key));
  return [...shared.filter((p) => !ownKeys.has(key(p))), ...own];
}

/**
 * CML's UploadFile names the form field after the destination path ("with the key being
 * the location to upload to"): offer that as a parameter of its own.
 */
const UPLOAD_KEY_IS_PATH = /key being the location|field name is (?:its|the) destination/i;

function destinationParam(): Param {
  return {
    wireName: 'destination',
    name: 'destination',
    pythonName: 'destination',
    in: 'formData',
    required: false,
    type: 'string',
    description:
      'Destination path in the project (sent as the form field name); defaults to the local file name',
    json: false,
  };
}

function plainParam(p: SwaggerParameter): Param {
  const type = valueType(p.type);
  return {
    wireName: p.name,
    name: camelName(p.name),
    pythonName: snakeName(p.name),
    in: p.in === 'formData' ? 'formData' : p.in === 'path' ? 'path' : 'query',
    required: p.required === true || p.in === 'path',
    type,
    format: typeof p.format === 'string' ? p.format : undefined,
    enum: stringEnum(p.enum ?? (isObject(p.items) ? p.items.enum : undefined)),
    description: typeof p.description === 'string' ? p.description : undefined,
    itemType: type === 'array' ? valueType(isObject(p.items) ? p.items.type : undefined) : undefined,
    json: p.in === 'query' && isJsonQueryParam(p.name),
  };
}

/** The fields of an object schema as body Params (a request body, or a model of `cmlapi`). */
export function bodyFields(schema: Schema, definitions: Readonly<Record<string, Schema>>): Param[] {
  const required = new Set(Array.isArray(schema.required) ? schema.required : []);
  const properties = isObject(schema.properties) ? schema.properties : {};
  return Object.entries(properties)
    .flatMap(([wireName, raw]) => (isObject(raw) ? [[wireName, raw] as const] : []))
    .map(([wireName, field]) => {
      // A $ref may name an enum (EngineStatus) rather than an object: type and values come from it.
      const resolved = field.$ref ? resolveSchema(field, definitions) : field;
      const type = resolved.type ? valueType(resolved.type) : 'object';
      const items = resolved.items?.$ref ? resolveSchema(resolved.items, definitions) : resolved.items;
      return {
        wireName,
        name: camelName(wireName),
        pythonName: snakeName(wireName),
        in: 'body' as const,
        required: required.has(wireName),
        type,
        format: resolved.format,
        enum: stringEnum(resolved.enum),
        description: field.description ?? field.title ?? resolved.description,
        itemType: type === 'array' ? valueType(items?.type ?? 'object') : undefined,
        schema: field,
        json: false,
      };
    });
}

function listShape(schema: Schema | undefined, definitions: Readonly<Record<string, Schema>>): ListShape {
  const resolved = resolveSchema(schema, definitions);
  const arrays = Object.entries(resolved.properties ?? {}).filter(([, s]) => s.type === 'array');
  const first = arrays[0];
  return { itemsField: first?.[0], itemModel: refName(first?.[1].items) };
}

function valueType(type: string | undefined): ValueType {
  switch (type) {
    case 'integer':
    case 'number':
    case 'boolean':
    case 'array':
    case 'object':
    case 'file':
      return type;
    default:
      return type === undefined ? 'object' : 'string';
  }
}

function stringEnum(values: readonly unknown[] | undefined): string[] | undefined {
  return Array.isArray(values) ? values.map(String) : undefined;
}

/** A non-null, non-array object, keeping the declared type of spec fields. */
function isObject<T>(value: T): value is Exclude<T, null | undefined | readonly unknown[]> & object {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return isObject(value);
}

/** Parameters as the spec lists them, keeping only entries with a name and a place. */
function parameterList(value: unknown): SwaggerParameter[] {
  if (!Array.isArray(value)) return [];
  return value.filter(
    (p): p is SwaggerParameter => isRecord(p) && typeof p.name === 'string' && typeof p.in === 'string',
  );
}

function syntheticId(method: string, path: string): string {
  const words = path
    .split(/[/{}:.]+/)
    .filter((w) => w && w !== 'api' && w !== 'v2')
    .map((w) => w.charAt(0).toUpperCase() + camelName(w).slice(1));
  return method.charAt(0).toUpperCase() + method.slice(1) + words.join('');
}
