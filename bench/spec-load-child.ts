/**
 * One cold spec load, in a fresh process (startup sees cold code, so the bench does too).
 * Modes: `parse` (readFile + JSON.parse, the floor), `spec` (the same + normaliseSpec +
 * createApi), `cache` (SpecCache.readNormalised + createApi, as start-up does). Prints `{ms}`.
 * Usage: node --import tsx bench/spec-load-child.ts <mode> <swagger.json> <cacheDir> <host>
 */
import { readFile } from 'node:fs/promises';
import { createApi } from '../src/api/index.js';
import { createTransport } from '../src/client/index.js';
import { normaliseSpec, SpecCache } from '../src/spec/index.js';

const [mode, file = '', cacheDir = '', host = ''] = process.argv.slice(2);
const transport = createTransport({ baseUrl: host, token: 'bench' });
const start = performance.now();
let operations = 0;
if (mode === 'parse') {
  const document = JSON.parse(await readFile(file, 'utf8')) as { paths: object };
  operations = Object.keys(document.paths).length;
} else if (mode === 'spec') {
  const spec = normaliseSpec(JSON.parse(await readFile(file, 'utf8')), file);
  operations = Object.keys(createApi({ spec, transport })).length;
} else if (mode === 'cache') {
  // What start-up does: the normalised spec as cached, no raw document, no normalising.
  const cached = await new SpecCache(cacheDir).readNormalised(host);
  if (!cached) throw new Error(`nothing normalised cached for ${host} in ${cacheDir}`);
  const { spec } = cached;
  operations = Object.keys(createApi({ spec, transport })).length;
} else {
  throw new Error(`unknown mode ${String(mode)}`);
}
const ms = performance.now() - start;
process.stdout.write(`${JSON.stringify({ ms, operations })}\n`);
