// An esbuild plugin: yoga (ink's layout engine) is ready the moment its module has run.
//
// yoga-layout's Emscripten loader decodes its wasm from a base64 data: URL (through the
// global fetch, undici's data URL parser: about 5 ms), compiles it with the asynchronous
// WebAssembly.instantiate, and yoga's index awaits all that at its top level. The
// asynchronous compile runs on V8's background threads: on a busy 2-core machine, with the
// browser's chunks compiling and the first page arriving, it took 40-90 ms, all before the
// browser's first frame (docs/performance.md). And a module that awaits at its top level
// cannot be a script compiled with the code cache (scripts/as-scripts.mjs).
//
// So the wasm's bytes move out of the data: URL into a constant, and the loader gets
// Emscripten's own hook for this, `instantiateWasm`, which compiles them at once (the 70 KB
// module: about 2 ms) and hands the instance back before the loader returns; yoga's index
// calls that synchronously instead of awaiting. Each rewrite checks the text it expects,
// and the build fails when yoga-layout no longer looks like this.
import { readFile } from 'node:fs/promises';

const LOADER = /yoga-layout[/\\]dist[/\\]binaries[/\\]yoga-wasm-base64-esm\.js$/;
const INDEX = /yoga-layout[/\\]dist[/\\]src[/\\]index\.js$/;
const DATA_URL = /"data:application\/octet-stream;base64,([A-Za-z0-9+/=]+)"/g;
const AWAITED = 'const Yoga = wrapAssembly(await loadYoga());';

const LOAD_SYNC = `
/** yoga, started synchronously: Emscripten calls instantiateWasm and runs before it returns. */
export function loadYogaSync() {
  let failure;
  const module = {
    instantiateWasm(imports, receive) {
      try {
        const bytes = Buffer.from(YOGA_WASM, 'base64');
        const instance = new WebAssembly.Instance(new WebAssembly.Module(bytes), imports);
        receive(instance);
        return instance.exports;
      } catch (error) {
        failure = error;
        throw error;
      }
    },
    // Emscripten prints what fails; the error itself is thrown below, with its cause.
    printErr: () => {},
  };
  // What it returns only settles what we already know; a failure is thrown from here.
  loadYoga(module).catch(() => {});
  if (failure) throw failure;
  if (!module.calledRun) throw new Error('sync-yoga: yoga did not start synchronously; see scripts/sync-yoga.mjs');
  return module;
}
`;

function unexpected(path, what) {
  return new Error(`sync-yoga: ${path} ${what}; see scripts/sync-yoga.mjs`);
}

/** @returns {import('esbuild').Plugin} */
export function syncYoga() {
  return {
    name: 'sync-yoga',
    setup(build) {
      const seen = new Set();
      build.onLoad({ filter: LOADER }, async (args) => {
        const text = await readFile(args.path, 'utf8');
        const urls = [...text.matchAll(DATA_URL)];
        if (urls.length !== 1) throw unexpected(args.path, `holds ${urls.length} wasm data: URLs, not one`);
        // The Module it fills in must be the object it is given (loadYogaSync reads it back).
        if (
          !text.includes('h.instantiateWasm(') ||
          !text.includes("h||(h=typeof loadYoga !== 'undefined' ? loadYoga : {})") ||
          !text.includes('export default loadYoga;')
        )
          throw unexpected(args.path, 'no longer offers instantiateWasm on the Module it is given');
        seen.add('loader');
        const wasm = urls[0]?.[1] ?? '';
        // The data: URL stays, empty: the loader still parses it but never decodes it.
        const contents = `${text.replace(DATA_URL, '"data:application/octet-stream;base64,"')}\nconst YOGA_WASM = ${JSON.stringify(wasm)};\n${LOAD_SYNC}`;
        return { contents, loader: 'js' };
      });
      build.onLoad({ filter: INDEX }, async (args) => {
        const text = await readFile(args.path, 'utf8');
        if (!text.includes(AWAITED)) throw unexpected(args.path, `no longer says ${AWAITED}`);
        seen.add('index');
        const contents = text
          .replace(AWAITED, 'const Yoga = wrapAssembly(loadYogaSync());')
          .replace(
            "import loadYoga from '../binaries/yoga-wasm-base64-esm.js';",
            "import { loadYogaSync } from '../binaries/yoga-wasm-base64-esm.js';",
          );
        if (!contents.includes('import { loadYogaSync }'))
          throw unexpected(args.path, 'imports its loader otherwise');
        return { contents, loader: 'js' };
      });
      build.onEnd((result) => {
        if (seen.size < 2 && result.errors.length === 0) {
          throw new Error("sync-yoga: yoga-layout's loader was not in the bundle; see scripts/sync-yoga.mjs");
        }
      });
    },
  };
}
