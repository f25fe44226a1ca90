// An esbuild plugin: the few places where a bundled package's own text is changed, each
// for a reason the browser's first frame or its chunk pays for. Every rewrite must find
// its text exactly once, and every package must be in the bundle: the build fails when a
// package's text is no longer as expected, rather than ship it unchanged.
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

const GRAPHEMES = fileURLToPath(new URL('../src/present/graphemes.ts', import.meta.url));

/** [file, [[what it says, what it becomes], ...]], each with its reason above it; a pattern is a string or a RegExp. */
const REWRITES = [
  [
    /ink[/\\]build[/\\]reconciler\.js$/,
    // With DEV=true in the environment, ink's reconciler awaits, at its top level, a
    // connection to React DevTools (react-devtools-core, which cmlsh does not ship) and its
    // own package.json. cmlsh bundles React's production build, where DevTools has nothing
    // to connect to; those awaits only made the browser's chunk a module that cannot be a
    // script compiled with the code cache (scripts/as-scripts.mjs), and made `DEV=true
    // cmlsh browse` warn about a package nobody needs. They become what ink does without DEV.
    [
      [/if \(isDev\(\)\) \{\s*try \{\s*await import\('\.\/devtools\.js'\);[\s\S]*?\n\}\n/, '\n'],
      [/isDev\(\)\s*\? await loadPackageJson\(\)\s*: (\{ name: undefined, version: undefined \})/, '$1'],
    ],
  ],
  [
    /terminal-size[/\\]index\.js$/,
    // ink's fallback for a terminal's size when stdout has none: node:child_process (for
    // `tput`, `resize`) loaded when it runs, not as a require at the top of the browser's
    // chunk (~2 ms of every first browse(), for a fallback a terminal never takes).
    [
      [
        "import {execFileSync} from 'node:child_process';",
        "import {createRequire} from 'node:module';\nconst execFileSync = (...args) => createRequire(import.meta.url)('node:child_process').execFileSync(...args);",
      ],
    ],
  ],
  [
    /@alcalzone[/\\]ansi-tokenize[/\\]build[/\\]tokenize\.js$/,
    // ink's output tokenizes every line of every frame into graphemes with an Intl.Segmenter
    // made at import; cmlsh's segmenter gives the same clusters without ICU for terminal text
    // (src/present/graphemes.ts): the first Intl.Segmenter alone cost the first frame 11-22 ms.
    [
      [
        'const segmenter = new Intl.Segmenter(undefined, { granularity: "grapheme" });',
        `import { graphemeSegmenter as segmenter } from ${JSON.stringify(GRAPHEMES)};`,
      ],
    ],
  ],
  [
    /slice-ansi[/\\]tokenize-ansi\.js$/,
    // The same for slice-ansi, which ink's output cuts lines with.
    [
      [
        "const GRAPHEME_SEGMENTER = new Intl.Segmenter(undefined, {granularity: 'grapheme'});",
        `import { graphemeSegmenter as GRAPHEME_SEGMENTER } from ${JSON.stringify(GRAPHEMES)};`,
      ],
    ],
  ],
];

/** How many times `pattern` occurs in `text`. */
function occurrences(text, pattern) {
  if (typeof pattern === 'string') return text.split(pattern).length - 1;
  return text.match(new RegExp(pattern.source, 'g'))?.length ?? 0;
}

/** @returns {import('esbuild').Plugin} */
export function dependencyRewrites() {
  return {
    name: 'dependency-rewrites',
    setup(build) {
      const seen = new Set();
      for (const [file, edits] of REWRITES) {
        build.onLoad({ filter: file }, async (args) => {
          let contents = await readFile(args.path, 'utf8');
          for (const [pattern] of edits) {
            const found = occurrences(contents, pattern);
            if (found !== 1)
              throw new Error(`dependency-rewrites: ${args.path} holds ${pattern} ${found} times, not once`);
          }
          for (const [pattern, replacement] of edits) contents = contents.replace(pattern, replacement);
          seen.add(file);
          return { contents, loader: 'js' };
        });
      }
      build.onEnd((result) => {
        const missing = REWRITES.filter(([file]) => !seen.has(file)).map(([file]) => file);
        if (missing.length && result.errors.length === 0)
          throw new Error(
            `dependency-rewrites: not in the bundle: ${missing.join(', ')}; see scripts/dependency-rewrites.mjs`,
          );
      });
    },
  };
}
