// An esbuild plugin: yoga's WebAssembly (ink's layout engine) is compiled synchronously.
//
// yoga-layout's loader (Emscripten, wasm embedded as base64) fetches its own data: URL
// through the global fetch (undici's data URL parser: about 5 ms) and compiles with the
// asynchronous WebAssembly.instantiate. Compiling the 70 KB module takes about 2 ms, but the
// asynchronous compile runs on V8's background threads and finishes only when they and the
// event loop get to it: on a busy 2-core machine, with the browser's own chunks compiling
// and the first page arriving, it took 40-90 ms, all of it before the browser's first frame
// (docs/performance.md). The loader is given, in its own module scope, no fetch (so it
// decodes the base64 itself) and a WebAssembly whose instantiate compiles at once.
// Nothing else in the bundle sees either.
import { readFile } from 'node:fs/promises';

const LOADER = /yoga-layout[/\\]dist[/\\]binaries[/\\]yoga-wasm-base64-esm\.js$/;

const PRELUDE = `const fetch = undefined;
const WebAssembly = Object.create(globalThis.WebAssembly, {
  instantiate: {
    value: (bytes, imports) => {
      const module = new globalThis.WebAssembly.Module(bytes);
      return Promise.resolve({ module, instance: new globalThis.WebAssembly.Instance(module, imports) });
    },
  },
});
`;

/** @returns {import('esbuild').Plugin} */
export function syncYoga() {
  return {
    name: 'sync-yoga',
    setup(build) {
      let seen = false;
      build.onLoad({ filter: LOADER }, async (args) => {
        const text = await readFile(args.path, 'utf8');
        // The prelude only helps a loader that asks for these two by their global names.
        if (!text.includes('typeof fetch') || !text.includes('WebAssembly.instantiate(')) {
          throw new Error(
            `sync-yoga: ${args.path} no longer loads its wasm as expected; see scripts/sync-yoga.mjs`,
          );
        }
        seen = true;
        return { contents: PRELUDE + text, loader: 'js' };
      });
      build.onEnd((result) => {
        if (!seen && result.errors.length === 0) {
          throw new Error(
            "sync-yoga: yoga-layout's wasm loader was not in the bundle; see scripts/sync-yoga.mjs",
          );
        }
      });
    },
  };
}
