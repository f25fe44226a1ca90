// Bundles src/ into dist/ with esbuild: one entry, lazily loaded chunks for the TUI, the
// emulator and yargs, dependencies left external. A bundle starts faster than hundreds of
// small ESM files, and startup time is a product feature (docs/performance.md).
import { readFileSync, rmSync } from 'node:fs';
import { build } from 'esbuild';

// Chunk names carry content hashes: start clean so stale chunks never ship.
rmSync('dist', { recursive: true, force: true });

await build({
  entryPoints: { main: 'src/cli/main.ts' },
  outdir: 'dist',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  // Dependencies stay external (installed by npm).
  external: Object.keys({
    ...JSON.parse(readFileSync('package.json', 'utf8')).dependencies,
    ...JSON.parse(readFileSync('package.json', 'utf8')).optionalDependencies,
  }),
  jsx: 'automatic',
  sourcemap: 'linked',
  chunkNames: 'chunks/[name]-[hash]',
  logLevel: 'warning',
  legalComments: 'none',
});
