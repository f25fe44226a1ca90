import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { type ApiSpec, normaliseSpec } from '../../src/spec/index.js';

/** The real CML API v2 spec, read from ../shared beside the checkout (never copied into it). */
export const REAL_SPEC_PATH = fileURLToPath(
  new URL('../../../shared/cml-api-v2/swagger.json', import.meta.url),
);

let document: unknown;
let spec: ApiSpec | undefined;

export function realSpecDocument(): unknown {
  document ??= JSON.parse(readFileSync(REAL_SPEC_PATH, 'utf8'));
  return document;
}

export function realSpec(): ApiSpec {
  spec ??= normaliseSpec(realSpecDocument(), REAL_SPEC_PATH);
  return spec;
}
