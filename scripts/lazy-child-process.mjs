// An esbuild plugin: terminal-size (ink's fallback for a terminal's size when stdout has
// none) loads node:child_process only when it runs `tput` or `resize`, not at import.
//
// Bundled, its `import { execFileSync } from 'node:child_process'` is a require at the top of
// the browser's chunk: loading child_process cost every first browse() ~2 ms, for a
// fallback the browser, drawn on a terminal, never takes. The build fails when the
// package's text is no longer as expected.
import { readFile } from 'node:fs/promises';

const TERMINAL_SIZE = /terminal-size[/\\]index\.js$/;
const IMPORT = "import {execFileSync} from 'node:child_process';";
const LAZY = [
  "import {createRequire} from 'node:module';",
  "const execFileSync = (...args) => createRequire(import.meta.url)('node:child_process').execFileSync(...args);",
].join('\n');

/** @returns {import('esbuild').Plugin} */
export function lazyChildProcess() {
  return {
    name: 'lazy-child-process',
    setup(build) {
      let seen = false;
      build.onLoad({ filter: TERMINAL_SIZE }, async (args) => {
        const contents = await readFile(args.path, 'utf8');
        const found = contents.split(IMPORT).length - 1;
        if (found !== 1)
          throw new Error(`lazy-child-process: ${args.path} holds ${IMPORT} ${found} times, not once`);
        seen = true;
        return { contents: contents.replace(IMPORT, LAZY), loader: 'js' };
      });
      build.onEnd((result) => {
        if (!seen && result.errors.length === 0)
          throw new Error(
            'lazy-child-process: terminal-size was not in the bundle; see scripts/lazy-child-process.mjs',
          );
      });
    },
  };
}
