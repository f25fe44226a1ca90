import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { CMLSH } from '../cli/run-cmlsh.js';

/** The built chunks; `npm test` builds before running vitest. */
const DIST = fileURLToPath(new URL('../../dist/chunks', import.meta.url));

describe('the shipped bundle', () => {
  it('carries React’s production build: none of the development build’s checks and warnings', () => {
    const chunks = readdirSync(DIST).filter((name) => name.endsWith('.cjs'));
    const browser = chunks
      .map((name) => readFileSync(join(DIST, name), 'utf8'))
      .find((text) => text.includes('the browser stopped on an error'));
    expect(browser).toBeDefined();
    // Texts only react-reconciler's development build holds (its production build has none of them).
    for (const dev of [
      'while rendering a different component',
      'not wrapped in act',
      'Maximum update depth exceeded',
    ])
      expect(browser).not.toContain(dev);
    // And it is React that is in there, not nothing.
    expect(browser).toMatch(/Minified React error/);
  });
});

describe('the files of the shipped bundle', () => {
  it('are all scripts compiled with the code cache: no top-level await (ink, yoga) kept one an ES module', () => {
    const manifest = JSON.parse(readFileSync(join(DIST, '../scripts.json'), 'utf8')) as Record<
      string,
      string
    >;
    const files = readdirSync(DIST)
      .filter((name) => name.endsWith('.js'))
      .map((name) => `chunks/${name}`);
    expect(Object.keys(manifest).sort()).toEqual(['main.js', ...files].sort());
    // Each X.js left is the facade of its script, for an ES module that would import it.
    for (const file of files) expect(readFileSync(join(DIST, '..', file), 'utf8')).toContain('.load(');
  });
});

describe('yoga in the shipped bundle', () => {
  it('compiles its wasm at once: the browser loads with no fetch and no asynchronous WebAssembly compile', () => {
    const chunk = readdirSync(DIST).find((name) => /^browse-.*\.js$/.test(name));
    expect(chunk).toBeDefined();
    // Both would leave the first frame waiting on V8's background threads (scripts/sync-yoga.mjs).
    const script = `
      globalThis.fetch = () => { throw new Error('fetch called'); };
      WebAssembly.instantiate = () => Promise.reject(new Error('asynchronous instantiate'));
      WebAssembly.compile = () => Promise.reject(new Error('asynchronous compile'));
      await import(${JSON.stringify(join(DIST, chunk ?? ''))});
      process.stdout.write('loaded');
    `;
    const out = execFileSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' });
    expect(out).toBe('loaded');
  });
});

describe('names in the shipped bundle', () => {
  it('are as written, with no call per function to set them (esbuild keepNames) at load', () => {
    const code = `const e = await api.getProject({ projectId: 'nope' }).catch((error) => error);
      const page = await api.listProjects({ pageSize: 1 });
      [e.constructor.name, e.name, page.constructor.name, api.listProjects.name, api.listProjects.help().constructor.name]`;
    const out = execFileSync(process.execPath, [CMLSH, '--demo', '-e', code], {
      encoding: 'utf8',
      env: { ...process.env, NO_COLOR: '1' },
    });
    expect(out.trim().replace(/\s+/g, ' ')).toBe(
      "[ 'CmlApiError', 'CmlApiError', 'Page', 'listProjects', 'HelpText' ]",
    );
    // keepNames' helper, `(fn, name) => defineProperty(fn, "name", { value: name, configurable: true })`,
    // called once per function and class as the files load.
    const helper = /"name",\{value:[\w$]+,configurable:!0\}/;
    const withHelper = readdirSync(DIST).filter(
      (file) => file.endsWith('.cjs') && helper.test(readFileSync(join(DIST, file), 'utf8')),
    );
    expect(withHelper).toEqual([]);
  });
});
