import { CmlSpecError } from '../../errors/index.js';
import type { SwaggerDocument, SwaggerOperation, SwaggerSchema } from '../swagger-types.js';
import type { ResourceGroup } from './dsl-operations.js';

/** Title, version and description of the compiled document. */
export interface BuiltinInfo {
  readonly title: string;
  readonly version: string;
  readonly description: string;
}

// SwaggerDocument types only what cmlsh reads; the emulator serves this document, so it
// also carries the security definition the real spec has.
type ServedDocument = SwaggerDocument & {
  readonly securityDefinitions: Readonly<Record<string, Readonly<Record<string, string>>>>;
};

/**
 * Assembles resource groups into one Swagger 2.0 document, grouping operations by path.
 * @throws CmlSpecError when two groups declare the same operation or definition, which
 * would otherwise silently overwrite one another.
 */
export function compileSwagger(info: BuiltinInfo, groups: readonly ResourceGroup[]): SwaggerDocument {
  const paths: Record<string, Record<string, SwaggerOperation>> = {};
  const definitions: Record<string, SwaggerSchema> = {};
  const ids = new Set<string>();
  for (const group of groups) {
    for (const { path, method, operation } of group.operations) {
      const item = paths[path] ?? {};
      paths[path] = item;
      const id = operation.operationId ?? '';
      if (item[method] || ids.has(id)) duplicate(`operation ${id} (${method.toUpperCase()} ${path})`);
      ids.add(id);
      item[method] = operation;
    }
    for (const [name, schema] of Object.entries(group.definitions)) {
      if (definitions[name]) duplicate(`definition ${name}`);
      definitions[name] = schema;
    }
  }
  const document: ServedDocument = {
    swagger: '2.0',
    info,
    consumes: ['application/json'],
    produces: ['application/json'],
    paths,
    definitions,
    securityDefinitions: {
      BearerAuth: {
        type: 'apiKey',
        in: 'header',
        name: "authorization (e.g. 'authorization: Bearer APIKEY')",
      },
    },
  };
  return document;
}

function duplicate(what: string): never {
  throw new CmlSpecError(`The builtin description declares ${what} twice`, 'builtin');
}
