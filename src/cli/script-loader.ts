/**
 * How bin/cmlsh runs dist/: each file is a script (scripts/as-scripts.mjs), compiled with a
 * code cache kept per file and Node version under ~/.cache/cmlsh/code.
 *
 * Why not ES modules: on Node 20 most of the shell's start-up beyond Node's own is compiling
 * the bundle (the shell's file alone is 165 KB) and the ES module loader; Node 22's
 * module.enableCompileCache is not there. V8 keeps what it compiled, lazily compiled
 * functions included, in the cache a script makes after it ran: the next start
 * deserialises instead of compiling, and loads no ES module at all (docs/performance.md).
 *
 * Built on its own into dist/load.cjs; nothing in src/ imports it.
 */
import { readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createRequire, isBuiltin } from 'node:module';
import { join, posix } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Script } from 'node:vm';
import { writeFileAtomicSync } from '../util/atomic-write.js';
import { cmlshDirs } from '../util/xdg.js';

type Exports = Record<string, unknown>;
type Wrapper = (
  require: (name: string) => unknown,
  module: { exports: Exports },
  exports: Exports,
  url: string,
  load: (name: string) => Promise<unknown>,
) => void;

/** dist/, where this file is built to. */
const DIST = __dirname;
const nodeRequire = createRequire(join(DIST, 'load.cjs'));
/** Each script's path in dist/ and the hash of its text (written by the build). */
const manifest = JSON.parse(readFileSync(join(DIST, 'scripts.json'), 'utf8')) as Record<string, string>;
const cacheDir = join(cmlshDirs().cache, 'code', `${process.version}-${process.arch}`);
const useCache = process.env.CMLSH_NO_CODE_CACHE !== '1';
const loaded = new Map<string, { exports: Exports }>();
/** Scripts compiled without a cache this run: their cache is written when the process ends. */
const uncached: { script: Script; file: string }[] = [];

/** The exports of the script at `path` (relative to dist/), run once. */
export function load(path: string): Exports {
  const known = loaded.get(path);
  if (known) return known.exports;
  const hash = manifest[path];
  if (hash === undefined) throw new Error(`cmlsh's installation is missing ${path}; reinstall cmlsh`);
  const file = join(DIST, path.replace(/\.js$/, '.cjs'));
  const cacheFile = join(cacheDir, `${hash}.bin`);
  const cachedData = useCache ? readCache(cacheFile) : undefined;
  const script = new Script(readSource(path, file), { filename: file, cachedData });
  if (useCache && (cachedData === undefined || script.cachedDataRejected)) {
    if (uncached.length === 0) process.once('exit', writeCaches);
    uncached.push({ script, file: cacheFile });
  }
  const module = { exports: {} as Exports };
  // Registered before it runs, as CommonJS does, so an import cycle sees the partial exports.
  loaded.set(path, module);
  const dir = posix.dirname(path);
  const requireFrom = (name: string) =>
    name.startsWith('.') ? load(posix.join(dir, name)) : nodeRequire(name);
  const importFrom = async (name: string): Promise<unknown> => {
    if (name.startsWith('.')) {
      const target = posix.join(dir, name);
      // What stays an ES module (the browser, with its top-level awaits) is imported as one.
      return target in manifest ? load(target) : import(pathToFileURL(join(DIST, target)).href);
    }
    // A built-in's exports are its module's own: no ES module loader needed for them.
    if (isBuiltin(name)) return nodeRequire(name);
    // Packages (keytar, undici, yaml) resolve from dist/, as they did from its chunks.
    return import(name);
  };
  (script.runInThisContext() as Wrapper)(
    requireFrom,
    module,
    module.exports,
    pathToFileURL(file).href,
    importFrom,
  );
  return module.exports;
}

function readSource(path: string, file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'unreadable';
    throw new Error(
      `cmlsh's installation is missing ${path.replace(/\.js$/, '.cjs')} (${code}); reinstall cmlsh`,
    );
  }
}

function readCache(file: string): Buffer | undefined {
  try {
    return readFileSync(file);
  } catch {
    return undefined;
  }
}

/** Entries of other builds go when this old: not at once, as two installs may share the folder. */
const STALE_MS = 14 * 24 * 3600 * 1000;

/** At exit: what V8 compiled of each uncached script, for the next start; stale entries go. */
function writeCaches(): void {
  try {
    for (const { script, file } of uncached) writeFileAtomicSync(file, script.createCachedData());
    const current = new Set(Object.values(manifest).map((hash) => `${hash}.bin`));
    for (const name of readdirSync(cacheDir)) {
      const path = join(cacheDir, name);
      if (!current.has(name) && Date.now() - statSync(path).mtimeMs > STALE_MS) rmSync(path, { force: true });
    }
  } catch {
    // A cache that cannot be written (read-only home, full disk) only costs the next start time.
  }
}
