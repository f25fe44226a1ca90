import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const SRC = fileURLToPath(new URL('../src', import.meta.url));

/** Which src/ folders each folder may import: dependencies point inward. */
const ALLOWED: Record<string, readonly string[]> = {
  errors: [],
  util: ['errors'],
  spec: ['errors', 'util'],
  client: ['errors', 'util'],
  api: ['client', 'spec', 'errors', 'util'],
  auth: ['client', 'spec', 'errors', 'util'],
  emulator: ['spec', 'errors', 'util'],
  present: ['spec', 'errors', 'util'],
  tui: ['api', 'spec', 'client', 'errors', 'util', 'present'],
  repl: ['api', 'spec', 'client', 'errors', 'util', 'present'],
  cli: ['api', 'spec', 'client', 'errors', 'util', 'auth', 'emulator', 'repl', 'tui', 'present'],
};

/** Folders that may import the UI libraries, and the only one that may import yargs. */
const UI = new Set(['tui', 'repl', 'cli']);

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sources(path);
    return /\.tsx?$/.test(entry.name) ? [path] : [];
  });
}

interface Import {
  readonly file: string;
  readonly target: string;
  readonly dynamic: boolean;
  /** `import type`: erased, loads nothing. */
  readonly typeOnly: boolean;
}

function importsOf(file: string): Import[] {
  const text = readFileSync(file, 'utf8');
  const found: Import[] = [];
  for (const match of text.matchAll(/^\s*(?:import|export)\s([^'"]*?)from\s+['"]([^'"]+)['"]/gm)) {
    found.push({ file, target: match[2] ?? '', dynamic: false, typeOnly: /^type\s/.test(match[1] ?? '') });
  }
  for (const match of text.matchAll(/^\s*import\s+['"]([^'"]+)['"]/gm)) {
    found.push({ file, target: match[1] ?? '', dynamic: false, typeOnly: false });
  }
  for (const match of text.matchAll(/import\(\s*['"]([^'"]+)['"]\s*\)/g)) {
    found.push({ file, target: match[1] ?? '', dynamic: true, typeOnly: false });
  }
  return found;
}

const folderOf = (file: string) => relative(SRC, file).split('/')[0] ?? '';
const targetFolder = (imp: Import) => {
  if (!imp.target.startsWith('.')) return undefined;
  const resolved = join(imp.file, '..', imp.target);
  return resolved.startsWith(`${SRC}/`) ? folderOf(resolved) : undefined;
};

const all = sources(SRC).flatMap(importsOf);

/** Files loaded by importing `root`: its static, non-type imports, followed. */
function staticClosure(root: string): string[] {
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    for (const imp of importsOf(file)) {
      if (imp.dynamic || imp.typeOnly || !imp.target.startsWith('.')) continue;
      const base = join(file, '..', imp.target).replace(/\.js$/, '');
      const found = [`${base}.ts`, `${base}.tsx`].find((candidate) => sources(SRC).includes(candidate));
      if (found) visit(found);
    }
  };
  visit(root);
  return [...seen];
}

describe('architecture: the folders are the layers', () => {
  it('every src/ folder is a known layer', () => {
    const folders = new Set(sources(SRC).map(folderOf));
    for (const folder of folders) expect(Object.keys(ALLOWED)).toContain(folder);
  });

  it('imports between folders point inward', () => {
    const wrong = all
      .filter((imp) => {
        const from = folderOf(imp.file);
        const to = targetFolder(imp);
        return (
          to !== undefined &&
          to !== from &&
          !ALLOWED[from]?.includes(to) &&
          !(from === 'repl' && to === 'tui' && imp.dynamic)
        );
      })
      .map((imp) => `${relative(SRC, imp.file)} -> ${imp.target}`);
    expect(wrong).toEqual([]);
  });

  it('the REPL loads the browser only on demand, and the CLI loads the browser and the emulator lazily', () => {
    const eager = all
      .filter((imp) => !imp.dynamic && !imp.typeOnly)
      .filter((imp) => {
        const from = folderOf(imp.file);
        const to = targetFolder(imp);
        return (from === 'repl' && to === 'tui') || (from === 'cli' && (to === 'tui' || to === 'emulator'));
      })
      .map((imp) => `${relative(SRC, imp.file)} -> ${imp.target}`);
    expect(eager).toEqual([]);
  });

  it('what every command loads first (main.ts and its static imports) holds no shell, api, spec or UI', () => {
    // The workspace commands (cli/workspace.ts) are one lazy import away: `--version` and
    // shell completion load only flag parsing and errors.
    const loaded = staticClosure(join(SRC, 'cli/main.ts')).map((file) => relative(SRC, file));
    expect(loaded.filter((file) => /^(repl|tui|emulator|api|spec|client|auth|present)\//.test(file))).toEqual(
      [],
    );
    expect(loaded).not.toContain('cli/workspace.ts');
    const packages = all.filter(
      (imp) =>
        loaded.includes(relative(SRC, imp.file)) &&
        !imp.dynamic &&
        !imp.typeOnly &&
        !imp.target.startsWith('.'),
    );
    expect(packages.map((imp) => imp.target).filter((target) => !target.startsWith('node:'))).toEqual([]);
  });

  it('ink, react and yargs stay at the edge', () => {
    const leaks = all
      .filter((imp) => /^(ink|react|yargs)(\/|$)/.test(imp.target))
      .filter((imp) => {
        const from = folderOf(imp.file);
        return imp.target.startsWith('yargs') ? from !== 'cli' : !UI.has(from);
      })
      .map((imp) => `${relative(SRC, imp.file)} -> ${imp.target}`);
    expect(leaks).toEqual([]);
  });
});
