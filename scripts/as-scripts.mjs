// Turns the files of dist/ from ES modules into scripts that dist/load.cjs compiles with
// V8's code cache (src/cli/script-loader.ts says why).
//
// Each file is bundled again by esbuild as CommonJS with every other file of dist/ left
// outside (so its source map still leads to src/), then wrapped in a function the loader
// calls with the file's own `require`, `module`, `exports`, its URL (for import.meta.url)
// and its own dynamic import. The `import` keyword of each `import(...)` is replaced by
// that function's name, of the same length, so every column of the source map still holds.
// A script imports statically only other scripts and Node built-ins: the loader resolves
// nothing else synchronously.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { isBuiltin } from 'node:module';
import { basename, dirname, join, relative, resolve, sep } from 'node:path';
import { init, parse } from 'es-module-lexer';
import { build } from 'esbuild';
import { minifyOptions } from './minify-options.mjs';

/** The script's dynamic import: as long as the keyword it replaces (see above). */
export const DYNAMIC_IMPORT = '$load_';
/** The wrapper's parameters, in the order src/cli/script-loader.ts passes them. */
const HEADER = `(function (require, module, exports, __cmlshUrl, ${DYNAMIC_IMPORT}) {"use strict";`;

/**
 * Gives every file of `dist` (main.js and chunks/) that can be one a script twin beside it,
 * X.cjs for X.js, and makes X.js a facade that takes its exports from the loader, so that
 * an ES module importing X.js gets the script's one instance. A file stays an ES module
 * when it awaits at its top level (ink and yoga did, until scripts/dependency-rewrites.mjs and
 * scripts/sync-yoga.mjs), imports a package statically, or imports one that stays a module;
 * test/tui/bundle.test.ts holds the build to none staying one.
 * Writes dist/scripts.json: each script's path (by its .js name) and a hash of its text
 * that names its entry in the code cache.
 * @param {string} dist
 * @param {boolean} minify
 */
export async function asScripts(dist, minify) {
  await init;
  const files = [
    'main.js',
    ...readdirSync(join(dist, 'chunks'))
      .filter((name) => name.endsWith('.js'))
      .map((name) => `chunks/${name}`),
  ];
  const modules = new Map();
  for (const file of files) {
    const path = resolve(dist, file);
    const [imports, exports] = parse(readFileSync(path, 'utf8'));
    const deps = [];
    let packages = false;
    for (const { n: name, d } of imports) {
      if (d !== -1 || name === undefined || isBuiltin(name)) continue;
      // A package may be an ES module, which no script can require: its importer stays one.
      if (!name.startsWith('.')) packages = true;
      else
        deps.push(
          relative(resolve(dist), resolve(dirname(path), name))
            .split(sep)
            .join('/'),
        );
    }
    modules.set(file, { path, deps, packages, names: exports.map((e) => e.n) });
  }
  const converted = new Map();
  for (const [file, { path, packages }] of modules) {
    if (packages) continue;
    const result = await asCommonJs(path, minify).catch((error) => {
      if (String(error.message).includes('Top-level await')) return undefined;
      throw error;
    });
    if (result) converted.set(file, result);
  }
  // A file importing one that stays a module stays a module too (until nothing changes).
  for (let changed = true; changed; ) {
    changed = false;
    for (const [file, { deps }] of modules)
      if (converted.has(file) && deps.some((dep) => !converted.has(dep))) {
        converted.delete(file);
        changed = true;
      }
  }
  const manifest = {};
  for (const [file, { js, map }] of converted) {
    const { path, names } = modules.get(file);
    const twin = path.replace(/\.js$/, '.cjs');
    const code = replaceDynamicImports(file, js.text.replace(/\/\/# sourceMappingURL=.*\n?$/, ''));
    const text = `${HEADER}\n${code}\n});\n//# sourceMappingURL=${basename(twin)}.map\n`;
    writeFileSync(twin, text);
    // The header is a line of its own: the map moves one line down, nothing else.
    const parsed = JSON.parse(map.text);
    parsed.mappings = `;${parsed.mappings}`;
    writeFileSync(`${twin}.map`, JSON.stringify(parsed));
    writeFileSync(
      path,
      facade(file, names, relative(dirname(path), resolve(dist, 'load.cjs')).split(sep).join('/')),
    );
    rmSync(`${path}.map`, { force: true });
    manifest[file] = createHash('sha256').update(text).digest('base64url').slice(0, 16);
  }
  writeFileSync(join(dist, 'scripts.json'), `${JSON.stringify(manifest, null, 1)}\n`);
}

/** X.js for the ES modules that import it: the script's exports, through the loader. */
function facade(file, names, loader) {
  if (names.includes('__cmlshScript')) throw new Error(`as-scripts: ${file} exports __cmlshScript`);
  const own = names.filter((name) => name !== 'default');
  const from = JSON.stringify(loader.startsWith('.') ? loader : `./${loader}`);
  return [
    "import { createRequire } from 'node:module';",
    `const __cmlshScript = createRequire(import.meta.url)(${from}).load(${JSON.stringify(file)});`,
    ...(own.length > 0 ? [`export const { ${own.join(', ')} } = __cmlshScript;`] : []),
    ...(names.includes('default') ? ['export default __cmlshScript.default;'] : []),
    '',
  ].join('\n');
}

function replaceDynamicImports(file, code) {
  if (code.includes(DYNAMIC_IMPORT)) throw new Error(`as-scripts: ${file} already holds ${DYNAMIC_IMPORT}`);
  const [imports] = parse(code);
  let out = '';
  let last = 0;
  for (const { d, ss } of imports) {
    if (d < 0) continue;
    out += code.slice(last, ss) + DYNAMIC_IMPORT;
    last = ss + 'import'.length;
  }
  return out + code.slice(last);
}

async function asCommonJs(path, minify) {
  const result = await build({
    entryPoints: [path],
    bundle: true,
    write: false,
    format: 'cjs',
    platform: 'node',
    target: 'node20',
    packages: 'external',
    ...minifyOptions(minify),
    sourcemap: 'external',
    outfile: path,
    allowOverwrite: true,
    define: { 'import.meta.url': '__cmlshUrl' },
    // Quiet: a top-level await is an answer here (the file stays a module), not a failure.
    logLevel: 'silent',
    legalComments: 'none',
    plugins: [onlyItself(path)],
  });
  if (result.warnings.length > 0) throw new Error(`as-scripts: esbuild warned on ${path}`);
  return {
    js: result.outputFiles.find((f) => f.path.endsWith('.js')),
    map: result.outputFiles.find((f) => f.path.endsWith('.js.map')),
  };
}

/** Every other file stays a `require` of its own path, relative to `path`'s folder. */
function onlyItself(path) {
  return {
    name: 'only-itself',
    setup(b) {
      b.onResolve({ filter: /^\.\.?\// }, (args) => {
        const target = resolve(args.resolveDir, args.path);
        if (target === path) return { path: target };
        const rel = relative(dirname(path), target).split(sep).join('/');
        return { path: rel.startsWith('.') ? rel : `./${rel}`, external: true };
      });
    },
  };
}
