// An esbuild plugin: ink's reconciler without its development-only top-level awaits.
//
// With DEV=true in the environment, ink's reconciler awaits, at its top level, a connection
// to React DevTools (react-devtools-core, which cmlsh does not ship) and its own
// package.json (for DevTools). cmlsh bundles React's production build, where DevTools has
// nothing to connect to; those two awaits only made the browser's chunk a module that
// cannot be a script compiled with the code cache (scripts/as-scripts.mjs), and made
// `DEV=true cmlsh browse` warn about a package nobody needs. They become what ink does
// without DEV. The build fails when ink's text is no longer as expected.
import { readFile } from 'node:fs/promises';

const RECONCILER = /ink[/\\]build[/\\]reconciler\.js$/;

/** [what ink says, what it becomes]: each must be found exactly once. */
const REWRITES = [
  [/if \(isDev\(\)\) \{\s*try \{\s*await import\('\.\/devtools\.js'\);[\s\S]*?\n\}\n/, '\n'],
  [/isDev\(\)\s*\? await loadPackageJson\(\)\s*: (\{ name: undefined, version: undefined \})/, '$1'],
];

/** @returns {import('esbuild').Plugin} */
export function inkProduction() {
  return {
    name: 'ink-production',
    setup(build) {
      let seen = false;
      build.onLoad({ filter: RECONCILER }, async (args) => {
        let contents = await readFile(args.path, 'utf8');
        for (const [pattern] of REWRITES) {
          const found = contents.match(new RegExp(pattern.source, 'g'))?.length ?? 0;
          if (found !== 1)
            throw new Error(`ink-production: ${args.path} holds ${pattern} ${found} times, not once`);
        }
        for (const [pattern, replacement] of REWRITES) contents = contents.replace(pattern, replacement);
        seen = true;
        return { contents, loader: 'js' };
      });
      build.onEnd((result) => {
        if (!seen && result.errors.length === 0)
          throw new Error(
            "ink-production: ink's reconciler was not in the bundle; see scripts/ink-production.mjs",
          );
      });
    },
  };
}
