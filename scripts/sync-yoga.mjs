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
// and the build fails when yoga-layout no longer looks like this. The wasm itself asks for
// less memory to start with (smallerFirstMemory, below).
import { readFile } from 'node:fs/promises';

const LOADER = /yoga-layout[/\\]dist[/\\]binaries[/\\]yoga-wasm-base64-esm\.js$/;
const INDEX = /yoga-layout[/\\]dist[/\\]src[/\\]index\.js$/;
const DATA_URL = /"data:application\/octet-stream;base64,([A-Za-z0-9+/=]+)"/g;
const MEMORY_SECTION = 5;
const INITIAL_PAGES = 16;
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

/** Byte length of the unsigned LEB128 number at `at`, and its value. */
function readLeb(bytes, at) {
  let value = 0;
  let length = 0;
  let byte;
  do {
    byte = bytes[at + length] ?? 0;
    value += (byte & 0x7f) * 2 ** (7 * length);
    length += 1;
  } while (byte & 0x80 && length < 5);
  return { value, length };
}

/** `value` as unsigned LEB128 in exactly `length` bytes (padded with continuation bits). */
function writeLeb(bytes, at, value, length) {
  for (let i = 0; i < length; i++) {
    const low = Math.floor(value / 2 ** (7 * i)) & 0x7f;
    bytes[at + i] = i < length - 1 ? low | 0x80 : low;
  }
}

/**
 * The wasm (base64) with its memory declared 1 MiB to start instead of 16: the rest is
 * asked for (memory.grow, which yoga's loader allows up to 2 GiB) when layouts need it.
 * V8 counts a wasm memory as external memory, and 16 MiB of it at load set off a full
 * mark-compact on the way to the browser's first frame (docs/performance.md). yoga's stack
 * and data take the first 73 KB. Rewritten in place: the number keeps its byte length.
 */
export function smallerFirstMemory(base64, path) {
  const bytes = Buffer.from(base64, 'base64');
  let at = 8;
  while (at < bytes.length) {
    const id = bytes[at] ?? 0;
    const size = readLeb(bytes, at + 1);
    const body = at + 1 + size.length;
    if (id === MEMORY_SECTION) {
      const count = readLeb(bytes, body);
      const flags = bytes[body + count.length];
      if (count.value !== 1 || (flags !== 0 && flags !== 1) || count.length !== 1)
        throw unexpected(path, 'declares its memory otherwise than as one memory');
      const initial = readLeb(bytes, body + 2);
      if (initial.value < INITIAL_PAGES) return base64;
      writeLeb(bytes, body + 2, INITIAL_PAGES, initial.length);
      return bytes.toString('base64');
    }
    at = body + size.value;
  }
  throw unexpected(path, 'has a wasm module without a memory section');
}

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
        const wasm = smallerFirstMemory(urls[0]?.[1] ?? '', args.path);
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
