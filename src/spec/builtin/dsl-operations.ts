import { parsePath } from '../path-shape.js';
import type { SwaggerOperation, SwaggerParameter, SwaggerSchema } from '../swagger-types.js';
import { int32, ref, str } from './dsl-fields.js';

/**
 * Operation constructors for the builtin description. Path parameters are read from the
 * path template itself (`{project_id}`, dotted `{job.id}`), so each operation is one line
 * naming its operationId, path, body and response models, as the real spec has them.
 */

/** One operation of the builtin description, placed at its path and method. */
export interface BuiltinOperation {
  readonly path: string;
  readonly method: 'get' | 'post' | 'patch' | 'delete';
  readonly operation: SwaggerOperation;
}

/** A resource's operations and the definitions they use. */
export interface ResourceGroup {
  readonly operations: readonly BuiltinOperation[];
  readonly definitions: Readonly<Record<string, SwaggerSchema>>;
}

/** What a list operation admits beyond paging. */
export interface ListOptions {
  /** search_filter keys; empty when the real spec names none. */
  readonly filter: readonly string[];
  /** sort keys; omit when the operation takes no `sort`, empty when it names none. */
  readonly sort?: readonly string[];
  /** Further query parameters (`include_public_projects`...). */
  readonly query?: Readonly<Record<string, SwaggerSchema>>;
}

/** GET of one page of a collection: search_filter, sort, page_size, page_token. */
export function listOp(
  id: string,
  path: string,
  response: string,
  summary: string,
  options: ListOptions,
): BuiltinOperation {
  const query: SwaggerParameter[] = [
    queryParam('search_filter', str(filterDescription(options.filter))),
    ...(options.sort ? [queryParam('sort', str(sortDescription(options.sort)))] : []),
    queryParam('page_size', int32('Entries per page; repeat it with page_token.')),
    queryParam('page_token', str('Token of the page to fetch, from next_page_token.')),
    ...queryParams(options.query),
  ];
  return build('get', id, path, summary, query, success(response));
}

/** GET of one resource (or of a folder listing that does not page). */
export function getOp(
  id: string,
  path: string,
  response: string,
  summary: string,
  query?: Readonly<Record<string, SwaggerSchema>>,
): BuiltinOperation {
  return build('get', id, path, summary, queryParams(query), success(response));
}

/** POST with a JSON body: create requests and validate_key. */
export function postOp(
  id: string,
  path: string,
  body: string,
  response: string,
  summary: string,
): BuiltinOperation {
  return build('post', id, path, summary, [bodyParam(body)], success(response));
}

/** PATCH with the resource itself as the body, answered with the updated resource. */
export function patchOp(id: string, path: string, resource: string, summary: string): BuiltinOperation {
  return build('patch', id, path, summary, [bodyParam(resource)], success(resource));
}

/** DELETE of one resource. */
export function deleteOp(id: string, path: string, response: string, summary: string): BuiltinOperation {
  return build('delete', id, path, summary, [], success(response));
}

/** POST of a custom verb without a body: `...:stop`, `...:restart`. */
export function actionOp(id: string, path: string, response: string, summary: string): BuiltinOperation {
  return build('post', id, path, summary, [], success(response));
}

/** POST answered with raw bytes (`...:download`): the real spec gives it no schema at all. */
export function downloadOp(id: string, path: string, summary: string): BuiltinOperation {
  return build('post', id, path, summary, [], untyped());
}

/** multipart/form-data upload whose form field `file` is named by its destination path. */
export function uploadOp(id: string, path: string, summary: string): BuiltinOperation {
  const file: SwaggerParameter = {
    name: 'file',
    in: 'formData',
    type: 'file',
    description:
      'The file, with the key being the location to upload to (the form field name is its destination path).',
  };
  const built = build('post', id, path, summary, [file], untyped());
  return { ...built, operation: { ...built.operation, consumes: ['multipart/form-data'] } };
}

type Responses = NonNullable<SwaggerOperation['responses']>;

function build(
  method: BuiltinOperation['method'],
  operationId: string,
  path: string,
  summary: string,
  parameters: readonly SwaggerParameter[],
  responses: Responses,
): BuiltinOperation {
  return {
    path,
    method,
    operation: {
      summary,
      operationId,
      parameters: [...pathParams(path), ...parameters],
      responses,
      tags: ['CMLService'],
    },
  };
}

function success(model: string): Responses {
  return {
    '200': { description: 'A successful response.', schema: ref(model) },
    default: { description: 'An unexpected error response.', schema: ref('runtimeError') },
  };
}

// File transfers carry no schema in the real spec, not even for errors; we keep to that.
function untyped(): Responses {
  return {
    '200': { description: 'A successful response.' },
    default: { description: 'An unexpected error response.' },
  };
}

function pathParams(path: string): SwaggerParameter[] {
  return parsePath(path).params.map((name) => ({
    name,
    in: 'path',
    required: true,
    type: 'string',
    description: pathParamDescription(name),
  }));
}

/** `project_id` -> "ID of the project.", `experiment.project_id` -> "ID of the experiment's project." */
function pathParamDescription(name: string): string {
  if (name === 'path') return 'File or folder path, relative to the project root.';
  const parts = name.split('.');
  const last = (parts.pop() ?? name).replace(/_?id$/, '');
  const owner = parts.join(' ').replace(/_/g, ' ');
  const thing = last.replace(/_/g, ' ');
  if (!thing) return `ID of the ${owner}.`;
  return owner ? `ID of the ${owner}'s ${thing}.` : `ID of the ${thing}.`;
}

function bodyParam(model: string): SwaggerParameter {
  return { name: 'body', in: 'body', required: true, schema: ref(model) };
}

function queryParam(name: string, schema: SwaggerSchema): SwaggerParameter {
  return {
    name,
    in: 'query',
    required: false,
    ...(schema.type === undefined ? {} : { type: schema.type }),
    ...(schema.format === undefined ? {} : { format: schema.format }),
    ...(schema.description === undefined ? {} : { description: schema.description }),
  };
}

function queryParams(query: Readonly<Record<string, SwaggerSchema>> | undefined): SwaggerParameter[] {
  return Object.entries(query ?? {}).map(([name, schema]) => queryParam(name, schema));
}

// The "Supported ... keys are: [a b]." wording is what keysFromDescription reads back.
function filterDescription(keys: readonly string[]): string {
  const base = 'JSON object of substring filters.';
  return keys.length ? `${base} Supported search filter keys are: [${keys.join(' ')}].` : base;
}

function sortDescription(keys: readonly string[]): string {
  const base = 'Comma-separated keys, - for descending, + for ascending.';
  return keys.length ? `${base} Supported sort keys are: [${keys.join(' ')}].` : base;
}
