// Bundles src/ into dist/ with esbuild: one entry, lazily loaded chunks for the TUI, the
// emulator and yargs, dependencies left external. A bundle starts faster than hundreds of
// small ESM files, and startup time is a product feature (docs/performance.md).
import { readFileSync, rmSync } from 'node:fs';
import { build } from 'esbuild';
import { asScripts } from './as-scripts.mjs';
import { dependencyRewrites } from './dependency-rewrites.mjs';
import { mergeChunks } from './merge-chunks.mjs';
import { minifyOptions } from './minify-options.mjs';
import { syncYoga } from './sync-yoga.mjs';

// Chunk names carry content hashes: start clean so stale chunks never ship.
rmSync('dist', { recursive: true, force: true });

const minify = process.env.CMLSH_NO_MINIFY !== '1';
const result = await build({
  entryPoints: { main: 'src/cli/main.ts' },
  outdir: 'dist',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  // ink, React, yargs, get-east-asian-width and strip-ansi (scripts/string-width.mjs) are bundled: loading one chunk is far cheaper than resolving
  // and evaluating the hundreds of files they consist of (ink + React: about 450 ms as
  // packages, 40 ms bundled; docs/performance.md). The rest stays external: keytar is
  // native and optional, undici and yaml are rarely used and load on demand,
  // react-devtools-core is imported by ink only in development.
  external: [
    ...Object.keys({
      ...JSON.parse(readFileSync('package.json', 'utf8')).dependencies,
      ...JSON.parse(readFileSync('package.json', 'utf8')).optionalDependencies,
    }).filter((name) => !['ink', 'react', 'yargs', 'get-east-asian-width', 'strip-ansi'].includes(name)),
    'react-devtools-core',
  ],
  // React's production build: the development one checks and warns on every render.
  define: { 'process.env.NODE_ENV': '"production"' },
  // Bundled CommonJS packages (React, yoga's loader) call require() for Node built-ins.
  banner: {
    js: "import { createRequire as __cmlshRequire } from 'node:module'; const require = __cmlshRequire(import.meta.url);",
  },
  jsx: 'automatic',
  sourcemap: 'linked',
  chunkNames: 'chunks/[name]-[hash]',
  logLevel: 'warning',
  legalComments: 'none',
  // Smaller chunks read faster; names stay as written (minify-options.mjs).
  // CMLSH_NO_MINIFY=1 keeps the code readable for a CPU profile (docs/performance.md).
  ...minifyOptions(minify),
  metafile: true,
  // yoga's wasm compiled at once, not by V8's background threads (see the plugin).
  plugins: [syncYoga(), dependencyRewrites()],
  // One string-width for the whole bundle, cmlsh's own (see scripts/string-width.mjs).
  alias: { 'string-width': './scripts/string-width.mjs' },
});

// The chunks every command and the workspace commands load become one file each.
await mergeChunks(result.metafile, { main: 'dist/main.js', workspaceEntry: 'src/cli/workspace.ts', minify });

// Every file becomes a script, compiled through V8's code cache by dist/load.cjs, which
// bin/cmlsh requires (src/cli/script-loader.ts).
await asScripts('dist', minify);
await build({
  entryPoints: ['src/cli/script-loader.ts'],
  outfile: 'dist/load.cjs',
  bundle: true,
  format: 'cjs',
  platform: 'node',
  target: 'node20',
  ...minifyOptions(minify),
  sourcemap: 'linked',
  logLevel: 'warning',
  legalComments: 'none',
});
