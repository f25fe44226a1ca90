import type { HttpRequest } from '../client/index.js';
import { CmlUsageError } from '../errors/index.js';
import { fillPath, type Operation, type Param } from '../spec/index.js';
import { didYouMean } from '../util/suggest.js';
import {
  checkBodyField,
  describeType,
  describeValue,
  encodeJson,
  encodeScalar,
  jsonProblem,
} from './check-value.js';
import { exampleCall } from './example-call.js';
import { toFormFile } from './form-file.js';
import { argumentNames, paramIndex } from './param-index.js';
import { signatures } from './signature.js';

/** The arguments of one call: parameters by any of their names, and `body` whole. */
export type CallArgs = Record<string, unknown>;

/**
 * Turns an operation and a user's argument object into an HTTP request, checking every
 * name and value first: nothing is sent when something is missing, unknown or mistyped.
 * Path and query parameters, body fields and form fields are found by name in camelCase,
 * snake_case or the wire spelling; `body` may also be given whole.
 * @throws CmlUsageError naming the operation, the parameter and what is allowed.
 */
export async function buildRequest(op: Operation, args: CallArgs | undefined): Promise<HttpRequest> {
  const bound = bindArguments(op, args ?? {});
  const path = pathOf(op, bound.path);
  const request = {
    method: op.method,
    path,
    query: bound.query,
    operation: op.name,
    idempotent: op.method === 'GET' || op.method === 'PUT' || op.method === 'DELETE',
  };
  if (op.multipart) return { ...request, form: await buildForm(op, bound.form) };
  if (op.body) {
    const json = bound.body ?? {};
    const problem = jsonProblem(json, 'body');
    if (problem) throw new CmlUsageError(`${op.name}: ${problem}; the body must be plain JSON`);
    return { ...request, json };
  }
  return request;
}

interface Bound {
  path: Map<string, string>;
  query: [string, string][];
  body: Record<string, unknown> | undefined;
  form: Map<Param, unknown>;
}

/** The synchronous half of buildRequest: names and values checked, nothing read or sent. */
export function bindArguments(op: Operation, args: CallArgs): Bound {
  if (!args || typeof args !== 'object' || Array.isArray(args)) {
    throw new CmlUsageError(
      `${op.name} takes one object of arguments, e.g. ${exampleCall(op)}; got ${describeValue(args)}`,
    );
  }
  const index = paramIndex(op);
  const bound: Bound = { path: new Map(), query: [], body: undefined, form: new Map() };
  const seen = new Set<Param>();
  let body: Record<string, unknown> | undefined;
  for (const [key, value] of Object.entries(args)) {
    if (value === undefined) continue;
    if (key === 'body' && op.body && !index.has('body')) {
      if (!value || typeof value !== 'object' || Array.isArray(value)) {
        throw new CmlUsageError(
          `${op.name}: body must be an object (${op.body.model ?? 'the request body'}), not ${describeValue(value)}`,
        );
      }
      body = { ...checkedBody(op, value as Record<string, unknown>), ...body };
      continue;
    }
    const param = index.get(key);
    if (!param) throw unknownParameter(op, key);
    if (seen.has(param))
      throw new CmlUsageError(
        `${op.name}: ${param.name} is given twice (as ${param.name} and ${param.pythonName})`,
      );
    seen.add(param);
    switch (param.in) {
      case 'path':
        bound.path.set(param.wireName, pathSegment(op, param, value));
        break;
      case 'query':
        bound.query.push(...encodeQuery(op, param, value));
        break;
      case 'body':
        body = { ...body, [param.wireName]: checkBodyField(op, param, value) };
        break;
      case 'formData':
        bound.form.set(param, value);
        break;
    }
  }
  // CML's gateway also reads path ids from the body of creates (CreateJobRequest.project_id).
  if (op.body) {
    for (const param of op.params) {
      const fromPath = bound.path.get(param.wireName);
      if (param.in !== 'body' || fromPath === undefined) continue;
      const inBody = body?.[param.wireName];
      if (inBody === undefined || inBody === null) body = { ...body, [param.wireName]: fromPath };
      else if (String(inBody) !== fromPath) {
        throw new CmlUsageError(
          `${op.name}: ${param.pythonName} is ${JSON.stringify(fromPath)} in the path but ${describeValue(inBody)} in the body; give one value (or leave it out of the body)`,
        );
      }
    }
  }
  const missing = op.params.filter(
    (p) =>
      p.required &&
      ((p.in === 'path' && !bound.path.has(p.wireName)) ||
        (p.in === 'query' && !seen.has(p)) ||
        (p.in === 'formData' && !seen.has(p)) ||
        (p.in === 'body' && body?.[p.wireName] === undefined)),
  );
  if (missing.length) throw missingParameters(op, missing);
  if (op.body?.required && body === undefined && !op.params.some((p) => p.in === 'body')) body = {};
  bound.body = body;
  return bound;
}

/** The fields of a whole `body`, checked as named body fields are. */
function checkedBody(op: Operation, body: Record<string, unknown>): Record<string, unknown> {
  const fields = new Map(op.params.filter((p) => p.in === 'body').map((p) => [p.wireName, p]));
  // A body model with no declared fields (a free-form object) is sent as given.
  if (fields.size === 0) return body;
  const checked: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(body)) {
    const param =
      fields.get(key) ?? op.params.find((p) => p.in === 'body' && (p.name === key || p.pythonName === key));
    if (!param) {
      const hint = didYouMean(key, [...fields.keys()]);
      throw new CmlUsageError(
        `${op.name}: body has no field "${key}".${hint} Fields: ${[...fields.keys()].join(', ')}.`,
      );
    }
    checked[param.wireName] = value === undefined ? value : checkBodyField(op, param, value);
  }
  return checked;
}

/**
 * A path parameter's segment. "." and ".." are refused: a URL parser would collapse them
 * (`/projects/..` is `/`) and the request would reach another resource.
 */
function pathSegment(op: Operation, param: Param, value: unknown): string {
  const text = encodeScalar(op, param, value);
  if (text === '.' || text === '..') {
    throw new CmlUsageError(
      `${op.name}: ${param.name} cannot be ${JSON.stringify(text)}; it would change the URL's path. Give the id itself`,
    );
  }
  return text;
}

function encodeQuery(op: Operation, param: Param, value: unknown): [string, string][] {
  if (param.json) return [[param.wireName, encodeJson(op, param, value)]];
  if (param.type === 'array') {
    const values = Array.isArray(value) ? value : [value];
    return values.map((v) => [param.wireName, encodeScalar(op, param, v, param.itemType ?? 'string')]);
  }
  return [[param.wireName, encodeScalar(op, param, value)]];
}

function pathOf(op: Operation, values: Map<string, string>): string {
  // Like the Python client, encode everything (a file path's slashes too): one segment per value.
  return fillPath(op.shape, (name) => encodeURIComponent(values.get(name) ?? ''));
}

async function buildForm(op: Operation, fields: Map<Param, unknown>): Promise<FormData> {
  const form = new FormData();
  const destinationField = op.params.some((p) => p.wireName === 'destination' && p.in === 'formData');
  let destination: string | undefined;
  for (const [param, value] of fields) {
    if (param.wireName === 'destination' && param.type === 'string') {
      if (typeof value !== 'string' || !value) {
        throw new CmlUsageError(
          `${op.name}: destination must be a path in the project, e.g. "data/input.csv"`,
        );
      }
      destination = value;
    }
  }
  for (const [param, value] of fields) {
    if (param.type !== 'file') {
      if (param.wireName !== 'destination' || !destinationField) form.append(param.wireName, String(value));
      continue;
    }
    const file = await toFormFile(op, param, value);
    // UploadFile: the field's name is where the file lands (see spec/normalise destinationParam).
    const fieldName = destinationField ? (destination ?? file.fileName) : param.wireName;
    form.append(fieldName, file.blob, file.fileName);
  }
  return form;
}

function unknownParameter(op: Operation, key: string): CmlUsageError {
  const names = argumentNames(op);
  const candidates = op.params.flatMap((p) => [p.name, p.pythonName]);
  const hint = didYouMean(key, candidates);
  const list = names.length ? ` Parameters: ${names.join(', ')}.` : ' It takes no parameters.';
  return new CmlUsageError(`${op.name} has no parameter "${key}".${hint}${list} ${signatures(op)}`);
}

function missingParameters(op: Operation, missing: Param[]): CmlUsageError {
  const parts = missing.map((p) => `${p.name} (${p.in}, ${describeType(p)})`);
  return new CmlUsageError(`${op.name} needs ${parts.join(', ')}. Example: ${exampleCall(op)}`);
}
