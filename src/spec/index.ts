/**
 * spec/: loads a CML API description (workspace, file, URL, cache or builtin) and
 * normalises it into a table of operations that everything else is driven by.
 */

export { builtinSwagger } from './builtin/index.js';
export { keysFromDescription } from './filter-keys.js';
export {
  builtinSpec,
  type FetchJson,
  type LoadSpecOptions,
  loadExplicit,
  loadSpec,
  readSpecDocument,
} from './load-spec.js';
export { camelName, looseKey, methodName, pythonName, snakeName } from './names.js';
export { bodyFields, normaliseSpec } from './normalise.js';
export {
  fillPath,
  formatPath,
  isParam,
  type PathSegment,
  type PathShape,
  parsePath,
  shapeKey,
} from './path-shape.js';
export { refName, resolveSchema } from './resolve-schema.js';
export { hostSlug, SpecCache } from './spec-cache.js';
export type { SwaggerDocument, SwaggerSchema } from './swagger-types.js';
export type {
  ApiSpec,
  ListShape,
  Operation,
  OperationResource,
  Param,
  ParamLocation,
  Resource,
  Schema,
  ValueType,
} from './types.js';
export { validateValue } from './validate-schema.js';
