// Merges the chunks the hot paths load into one file each, after esbuild's split build.
//
// esbuild splits code at every lazy import into chunks, one per set of importers: the shell
// loaded 14 files before its prompt, and Node 20's ESM loader costs about half a
// millisecond per file (resolving, reading, compiling, linking each; Node 22's compile
// cache is not there to help). Two groups are merged:
//
// - boot: what dist/main.js imports statically (flag parsing, errors, the version), which
//   every command loads;
// - shell: what the workspace commands (shell, call, run) import statically, minus boot.
//
// Each merged file exports every chunk's exports under unique names; each chunk of a group
// is then rewritten as a one-line facade re-exporting its names from the merged file, so
// the lazily loaded chunks (browser, emulator, yargs) that import a chunk still get the
// same single instance of its code. Nothing is duplicated and no import is cut.
import { createHash } from 'node:crypto';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { build } from 'esbuild';
import { minifyOptions } from './minify-options.mjs';

/**
 * @param {import('esbuild').Metafile} metafile of the split build (paths relative to cwd)
 * @param {{ main: string, workspaceEntry: string, minify: boolean }} options: main's output
 *   file, the source of the lazily imported module whose closure is the shell group, and
 *   whether to minify (as the split build did)
 */
export async function mergeChunks(metafile, { main, workspaceEntry, minify }) {
  const outputs = metafile.outputs;
  const staticImports = (file) =>
    (outputs[file]?.imports ?? [])
      .filter((i) => i.kind === 'import-statement' && !i.external && outputs[i.path])
      .map((i) => i.path);
  /** Files reachable by static imports from `root`, dependencies first (evaluation order). */
  const closure = (root) => {
    const order = [];
    const seen = new Set();
    const visit = (file) => {
      if (seen.has(file)) return;
      seen.add(file);
      for (const dep of staticImports(file)) visit(dep);
      order.push(file);
    };
    visit(root);
    return order;
  };
  const workspace = Object.keys(outputs).find((file) => outputs[file].entryPoint === workspaceEntry);
  if (!workspace) throw new Error(`merge-chunks: no output for ${workspaceEntry}`);

  const boot = closure(main).filter((file) => file !== main);
  const bootMerged = await mergeGroup('boot', boot, outputs, minify);
  const bootSet = new Set(boot);
  const shell = closure(workspace).filter((file) => !bootSet.has(file));
  // Through the boot facades: the shell's merged file imports the boot one directly.
  await mergeGroup('shell', shell, outputs, minify, bootSet);
  // main.js itself imports the boot facades: bundled again, it imports the merged file.
  await rebundle(main, bootSet, bootMerged, minify);
}

/** A prefix for `file`'s exports in the merged file: unique within the build, short. */
const prefixes = new Map();
const prefixOf = (file) => {
  if (!prefixes.has(file)) prefixes.set(file, `$${prefixes.size.toString(36)}_`);
  return prefixes.get(file);
};

async function mergeGroup(name, group, outputs, minify, through = new Set()) {
  if (group.length === 0) return undefined;
  const dir = dirname(group[0]);
  if (group.some((file) => dirname(file) !== dir)) throw new Error(`merge-chunks: ${name} spans folders`);
  const entry = group
    .map((file) => {
      const names = outputs[file].exports;
      const from = JSON.stringify(resolve(file));
      if (names.length === 0) return `import ${from};`;
      return `export { ${names.map((n) => `${n} as ${prefixOf(file)}${n}`).join(', ')} } from ${from};`;
    })
    .join('\n');
  const members = new Set([...group, ...through].map((file) => resolve(file)));
  const { js, map } = await bundleAgain(
    entry,
    dir,
    `${name}-entry.js`,
    join(dir, `${name}.js`),
    members,
    minify,
  );
  const hash = createHash('sha256').update(js.contents).digest('base64url').slice(0, 8);
  const merged = `${name}-${hash}.js`;
  writeFileSync(join(dir, merged), `${js.text}//# sourceMappingURL=${merged}.map\n`);
  writeFileSync(join(dir, `${merged}.map`), map.text);
  for (const file of group) {
    const names = outputs[file].exports;
    const facade =
      names.length === 0
        ? `import './${merged}';\n`
        : `export { ${names.map((n) => `${prefixOf(file)}${n} as ${n}`).join(', ')} } from './${merged}';\n`;
    writeFileSync(file, facade);
    rmSync(`${file}.map`, { force: true });
  }
  return join(dir, merged);
}

/** Bundles `file` again so that its imports of `facades` point at the merged file instead. */
async function rebundle(file, facades, merged, minify) {
  if (!merged) return;
  const inline = new Set([...facades].map((f) => resolve(f)));
  const { js, map } = await bundleAgain(
    readFileSync(file, 'utf8'),
    dirname(file),
    basename(file),
    file,
    inline,
    minify,
  );
  writeFileSync(file, `${js.text}//# sourceMappingURL=${basename(file)}.map\n`);
  writeFileSync(`${file}.map`, map.text);
}

/**
 * Bundles `contents` (built code, in `dir`) with only `members` inlined, as ESM for Node 20;
 * the JS and its source map, not written.
 */
async function bundleAgain(contents, dir, sourcefile, outfile, members, minify) {
  const result = await build({
    stdin: { contents, resolveDir: resolve(dir), sourcefile },
    bundle: true,
    write: false,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    packages: 'external',
    ...minifyOptions(minify),
    sourcemap: 'external',
    outfile,
    logLevel: 'warning',
    legalComments: 'none',
    plugins: [keepOutside(members, resolve(dir))],
  });
  return {
    js: result.outputFiles.find((f) => f.path.endsWith('.js')),
    map: result.outputFiles.find((f) => f.path.endsWith('.js.map')),
  };
}

/** Bundles only `members`; every other file of dist/ stays an import, its path made relative to `outDir`. */
function keepOutside(members, outDir) {
  return {
    name: 'keep-outside',
    setup(b) {
      b.onResolve({ filter: /^\.\.?\// }, (args) => {
        const target = resolve(args.resolveDir, args.path);
        if (members.has(target)) return { path: target };
        const path = relative(outDir, target);
        return { path: path.startsWith('.') ? path : `./${path}`, external: true };
      });
    },
  };
}
