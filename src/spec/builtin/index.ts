import type { SwaggerDocument } from '../swagger-types.js';

/**
 * cmlsh's own concise description of the core CML API v2 resources, as Swagger 2.0.
 * (Interim: being written out in full; see test/spec/builtin-agrees.test.ts.)
 */
export function builtinSwagger(): SwaggerDocument {
  return {
    swagger: '2.0',
    info: { title: 'cmlsh builtin CML API v2 core', version: 'builtin' },
    paths: {},
    definitions: {},
  };
}
