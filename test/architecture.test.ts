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
}

function importsOf(file: string): Import[] {
  const text = readFileSync(file, 'utf8');
  const found: Import[] = [];
  for (const match of text.matchAll(/^\s*(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]/gm)) {
    found.push({ file, target: match[1] ?? '', dynamic: false });
  }
  for (const match of text.matchAll(/import\(\s*['"]([^'"]+)['"]\s*\)/g)) {
    found.push({ file, target: match[1] ?? '', dynamic: true });
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

  it('the REPL loads the browser only on demand, and the CLI loads heavy layers lazily', () => {
    const eager = all
      .filter((imp) => !imp.dynamic)
      .filter((imp) => {
        const from = folderOf(imp.file);
        const to = targetFolder(imp);
        return (
          (from === 'repl' && to === 'tui') ||
          (from === 'cli' && (to === 'tui' || to === 'emulator' || to === 'repl'))
        );
      })
      .map((imp) => `${relative(SRC, imp.file)} -> ${imp.target}`);
    expect(eager).toEqual([]);
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
