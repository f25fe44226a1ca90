import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type ApiSpec, normaliseSpec, type SwaggerDocument } from '../../src/spec/index.js';

/** The real CML swagger document from ../shared (never copied into the repo). */
export const SWAGGER_PATH = join(process.cwd(), '../shared/cml-api-v2/swagger.json');

/** The real document, parsed once per test file. */
export function realDocument(): SwaggerDocument {
  return JSON.parse(readFileSync(SWAGGER_PATH, 'utf8')) as SwaggerDocument;
}

/** The real spec, normalised as a workspace's would be. */
export function realSpec(): ApiSpec {
  return normaliseSpec(realDocument(), SWAGGER_PATH);
}
