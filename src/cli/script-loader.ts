/**
 * How bin/cmlsh runs dist/: each file is a script (scripts/as-scripts.mjs), compiled with a
 * code cache kept per file, Node version and V8 flags under ~/.cache/cmlsh/code.
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
import { cachedDataVersionTag, setFlagsFromString } from 'node:v8';
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
const loaded = new Map<string, { exports: Exports }>();
/** Scripts compiled without a cache this run, and their sources' mtimes: their cache is written once they ran. */
const uncached: { script: Script; file: string; sourceTime: number }[] = [];
/**
 * When the cache is written: a second after the first uncached script loaded (the shell is
 * at its prompt by then, with what it ran still compiled: V8 drops the bytecode of functions
 * unused for a while), or at exit, whichever comes first.
 */
const WRITE_AFTER_MS = 1000;

/**
 * V8 checks only the header of cached data unless told to: a damaged body crashed V8
 * outright (SIGTRAP, on every start). With this flag it checksums the data it makes and
 * refuses data whose checksum is wrong. Only while it makes or reads one: left on, every
 * new context (the REPL's) would checksum Node's whole startup snapshot too.
 */
const CHECKSUMS_ON = '--verify-snapshot-checksum';
const CHECKSUMS_OFF = '--no-verify-snapshot-checksum';
function withChecksums<T>(work: () => T): T {
  setFlagsFromString(CHECKSUMS_ON);
  try {
    return work();
  } finally {
    setFlagsFromString(CHECKSUMS_OFF);
  }
}

/**
 * The cache's folder, or undefined when there is none to use: turned off, no home, or a
 * folder another user could write to (what is in it is code this process would run).
 * Per Node version, architecture and V8's flags (cachedDataVersionTag): an entry made under
 * other flags (--max-old-space-size in NODE_OPTIONS) would only be refused.
 */
const cacheDir = ((): string | undefined => {
  if (process.env.CMLSH_NO_CODE_CACHE === '1') return undefined;
  try {
    // The tag as it is while the cache is made and read: the checksum flag is part of it.
    const tag = withChecksums(cachedDataVersionTag);
    const base = join(cmlshDirs().cache, 'code');
    const dir = join(base, `${process.version}-${process.arch}-${tag.toString(36)}`);
    for (const folder of [join(base, '..'), base, dir]) {
      const stat = statSync(folder, { throwIfNoEntry: false });
      if (stat && (stat.uid !== process.getuid?.() || (stat.mode & 0o022) !== 0)) return undefined;
    }
    return dir;
  } catch {
    return undefined;
  }
})();

/** The exports of the script at `path` (relative to dist/), run once. */
export function load(path: string): Exports {
  const known = loaded.get(path);
  if (known) return known.exports;
  const hash = manifest[path];
  if (hash === undefined) throw new Error(`cmlsh's installation is missing ${path}; reinstall cmlsh`);
  const file = join(DIST, path.replace(/\.js$/, '.cjs'));
  const source = readSource(path, file);
  const cacheFile = cacheDir && join(cacheDir, `${hash}.bin`);
  const sourceTime = cacheFile ? statSync(file).mtimeMs : 0;
  const cachedData = cacheFile ? readCache(cacheFile, sourceTime) : undefined;
  const script = cachedData
    ? withChecksums(() => new Script(source, { filename: file, cachedData }))
    : new Script(source, { filename: file });
  if (cacheFile && (cachedData === undefined || script.cachedDataRejected)) {
    if (uncached.length === 0) {
      setTimeout(writeCaches, WRITE_AFTER_MS).unref();
      process.once('exit', writeCaches);
    }
    uncached.push({ script, file: cacheFile, sourceTime });
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
      // A file the build left an ES module (one importing a package statically) is imported as one.
      return target in manifest ? load(target) : import(pathToFileURL(join(DIST, target)).href);
    }
    // A built-in's exports are its module's own: no ES module loader needed for them.
    if (isBuiltin(name)) return nodeRequire(name);
    // Packages (keytar, undici, yaml) resolve from dist/, as they did from its chunks.
    return import(name);
  };
  try {
    (script.runInThisContext() as Wrapper)(
      requireFrom,
      module,
      module.exports,
      pathToFileURL(file).href,
      importFrom,
    );
  } catch (error) {
    // Forgotten, as CommonJS forgets it: the next load runs it again and says what went wrong.
    loaded.delete(path);
    throw error;
  }
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

/**
 * An entry is [the mtime of the source it was made from, V8's data]: V8 compares only the
 * source's length, so a file edited to the same length (a hot fix) would run the old code.
 */
function readCache(file: string, sourceTime: number): Buffer | undefined {
  try {
    const entry = readFileSync(file);
    return entry.length > 8 && entry.readDoubleLE(0) === sourceTime ? entry.subarray(8) : undefined;
  } catch {
    return undefined;
  }
}

/** Entries of other builds go when this old: not at once, as two installs may share the folder. */
const STALE_MS = 14 * 24 * 3600 * 1000;

/** What V8 compiled of each uncached script, for the next start; stale entries of other builds go. */
function writeCaches(): void {
  const written = uncached.splice(0);
  if (written.length === 0 || !cacheDir) return;
  try {
    for (const { script, file, sourceTime } of written) {
      const header = Buffer.alloc(8);
      header.writeDoubleLE(sourceTime, 0);
      writeFileAtomicSync(file, Buffer.concat([header, withChecksums(() => script.createCachedData())]));
    }
    const current = new Set(Object.values(manifest).map((hash) => `${hash}.bin`));
    for (const name of readdirSync(cacheDir)) {
      const path = join(cacheDir, name);
      if (!current.has(name) && Date.now() - statSync(path).mtimeMs > STALE_MS) rmSync(path, { force: true });
    }
  } catch {
    // A cache that cannot be written (read-only home, full disk) only costs the next start time.
  }
}
