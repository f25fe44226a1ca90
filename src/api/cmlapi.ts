import { CmlApiError, CmlUsageError } from '../errors/index.js';
import { bodyFields, type Param } from '../spec/index.js';
import { didYouMean } from '../util/suggest.js';
import { isPlainObject } from './bind-arguments.js';
import { checkBodyField, describeType, describeValue } from './check-value.js';
import { API_META, type Api } from './create-api.js';
import { MODEL_NAME } from './model-mark.js';
import { decorateResult } from './result-object.js';

const INSPECT = Symbol.for('nodejs.util.inspect.custom');

/** A model constructor of `cmlapi`: `cmlapi.CreateJobRequest({ name: 'x' })`. */
export type ModelConstructor = (...args: unknown[]) => Record<string, unknown>;

/**
 * The shell's `cmlapi`: what a line pasted from a Python notebook reaches for. One checked
 * constructor per definition of the spec (`CreateJobRequest`, `Project`, ...), taking one
 * object of fields or the fields positionally in the spec's order, as the Python models
 * do (also under `cmlapi.models`); `default_client()`, `CMLServiceApi()` and `ApiClient()` give `api`;
 * `rest.ApiException` is the error class of a failed call.
 */
export function createCmlapi(api: Api): Record<string, unknown> {
  const { spec, baseUrl, maskedToken, isToken } = api[API_META];
  const cmlapi: Record<string, unknown> = {};
  for (const [name, schema] of Object.entries(spec.definitions)) {
    if (schema.type !== undefined && schema.type !== 'object') continue;
    cmlapi[name] = modelConstructor(name, () => bodyFields(schema, spec.definitions));
  }
  const client = (...args: unknown[]): Api => {
    const [url, key] = isPlainObject(args[0]) ? [args[0].url, args[0].cml_api_key] : args;
    checkSameClient(url, key, baseUrl, maskedToken, isToken);
    return api;
  };
  // `cmlapi.models.CreateJobRunRequest`, as some scripts spell it.
  const models = { ...cmlapi };
  const classes: Record<string, (config?: unknown) => unknown> = {};
  // Python's client classes, CMLServiceApi(ApiClient(Configuration())): they give this
  // shell's api, once a host set on the configuration is found to be this shell's.
  classes.Configuration = () => ({});
  classes.ApiClient = (config?: unknown) => {
    if (isPlainObject(config)) checkSameClient(config.host, undefined, baseUrl, maskedToken, isToken);
    return api;
  };
  classes.CMLServiceApi = () => api;
  Object.assign(cmlapi, { models, default_client: client, ...classes, rest: { ApiException: CmlApiError } });
  Object.defineProperty(cmlapi, INSPECT, {
    enumerable: false,
    value: () =>
      `cmlapi: ${Object.keys(models).length} models of the spec, e.g. cmlapi.CreateJobRequest({ name: 'nightly', script: 'main.py' }); cmlapi.default_client() is api.`,
  });
  return cmlapi;
}

function modelConstructor(name: string, readFields: () => readonly Param[]): ModelConstructor {
  const label = `cmlapi.${name}`;
  // Read on first use: the shell defines a constructor per definition (over 200) before the
  // prompt, and most are never called.
  let known: { fields: readonly Param[]; byName: Map<string, Param> } | undefined;
  const read = () => {
    if (known) return known;
    const fields = readFields();
    const byName = new Map<string, Param>();
    for (const field of fields) {
      for (const key of [field.wireName, field.name, field.pythonName])
        if (!byName.has(key)) byName.set(key, field);
    }
    known = { fields, byName };
    return known;
  };
  const build = (...args: unknown[]): Record<string, unknown> => {
    const { fields, byName } = read();
    const given = fieldsOf(label, fields, args);
    const model: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(given)) {
      const field = byName.get(key);
      if (!field) {
        const list = fields.length ? ` Fields: ${fields.map((f) => f.wireName).join(', ')}.` : '';
        throw new CmlUsageError(
          `${label} has no field "${key}".${didYouMean(
            key,
            fields.map((f) => f.wireName),
          )}${list}`,
        );
      }
      // Python's None: the field is left out, as cmlapi leaves it out of the JSON it sends.
      if (value === undefined || value === null) continue;
      model[field.wireName] = checkBodyField({ name: label }, field, value);
    }
    Object.defineProperty(model, MODEL_NAME, { value: name, enumerable: false });
    return decorateResult(model);
  };
  Object.defineProperty(build, 'name', { value: name });
  Object.defineProperty(build, INSPECT, {
    enumerable: false,
    value: () =>
      `${label}(${read()
        .fields.map((f) => `${f.pythonName}: ${describeType(f)}${f.required ? ' (required)' : ''}`)
        .join(', ')})`,
  });
  return build;
}

/** One object of fields, or the fields positionally in the spec's order (`CreateJobRunRequest(project_id, job_id)`). */
function fieldsOf(
  label: string,
  fields: readonly Param[],
  args: readonly unknown[],
): Record<string, unknown> {
  if (args.length === 0) return {};
  if (args.length === 1 && isPlainObject(args[0])) return args[0];
  if (args.length > fields.length) {
    throw new CmlUsageError(
      `${label} takes at most ${fields.length} fields positionally (${fields.map((f) => f.pythonName).join(', ')}), not ${args.length}; or one object of fields`,
    );
  }
  const given: Record<string, unknown> = {};
  args.forEach((value, i) => {
    const field = fields[i];
    if (field) given[field.wireName] = value;
  });
  return given;
}

function checkSameClient(
  url: unknown,
  key: unknown,
  baseUrl: string,
  maskedToken: string | undefined,
  isToken: (candidate: string) => boolean,
): void {
  if (url !== undefined && url !== null) {
    if (typeof url !== 'string')
      throw new CmlUsageError(`default_client: url must be a string, not ${describeValue(url)}`);
    if (origin(url) !== origin(baseUrl)) {
      throw new CmlUsageError(
        `This shell is connected to ${baseUrl}, not ${url}: start one for that workspace with \`cmlsh --host ${url}\``,
      );
    }
  }
  if (key !== undefined && key !== null) {
    if (typeof key !== 'string' || !isToken(key)) {
      throw new CmlUsageError(
        `This shell uses another API key (${maskedToken ?? 'none'}); start cmlsh with that key (\`cmlsh login\`, or CML_API_KEY)`,
      );
    }
  }
}

function origin(url: string): string {
  const withScheme = /^[a-z][a-z\d+.-]*:\/\//i.test(url) ? url : `https://${url}`;
  try {
    return new URL(withScheme).origin;
  } catch {
    return url;
  }
}
