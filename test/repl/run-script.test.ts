import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Emulator, startEmulator } from '../../src/emulator/index.js';
import { CmlUsageError } from '../../src/errors/index.js';
import { compileScript, runScript } from '../../src/repl/run-script.js';
import type { ShellConnectOptions } from '../../src/repl/shell-options.js';
import { normaliseSpec } from '../../src/spec/index.js';
import { realDocument, SWAGGER_PATH } from './real-spec.js';

const TOKEN = 'script-token-0123456789';
let emulator: Emulator;
let connectOptions: ShellConnectOptions;

beforeAll(async () => {
  const document = realDocument();
  emulator = await startEmulator({ document, port: 0, tokens: [TOKEN], seed: 'demo' });
  connectOptions = { host: emulator.url, token: TOKEN, loadedSpec: normaliseSpec(document, SWAGGER_PATH) };
});

afterAll(async () => {
  await emulator?.close();
});

function sink(): { stream: PassThrough; text: () => string } {
  const stream = new PassThrough();
  const chunks: Buffer[] = [];
  stream.on('data', (chunk: Buffer) => chunks.push(chunk));
  return { stream, text: () => Buffer.concat(chunks).toString('utf8') };
}

async function run(code: string, extra: { json?: boolean; token?: string } = {}) {
  const out = sink();
  const err = sink();
  const code_ = await runScript(code, {
    connect: { ...connectOptions, token: extra.token ?? TOKEN },
    json: extra.json ?? false,
    output: out.stream,
    errorOutput: err.stream,
  });
  return { code: code_, out: out.text(), err: err.text() };
}

describe('compileScript', () => {
  it('returns the value of a lone expression, the last statement, or nothing', async () => {
    expect(await compileScript('1 + 2')(undefined)).toBe(3);
    expect(await compileScript('const a = 2; a * 5;')(undefined)).toBe(10);
    expect(await compileScript('const a = 1')(undefined)).toBeUndefined();
    expect(await compileScript('await Promise.resolve(7)')(undefined)).toBe(7);
  });

  it('gives the completion value as node -i prints it, with or without await', async () => {
    expect(await compileScript('if (true) {} 5')(undefined)).toBe(5);
    expect(await compileScript('for (const x of [1]) { x }')(undefined)).toBe(1);
    expect(await compileScript('if (true) {} await Promise.resolve(5)')(undefined)).toBe(5);
    expect(await compileScript('const p = await Promise.resolve(2)\np * 3')(undefined)).toBe(6);
    expect(await compileScript('const x = await Promise.resolve(1); x\n+ 2')(undefined)).toBe(3);
    expect(await compileScript('const o = { a: 1 }; await o.a')(undefined)).toBe(1);
  });

  it('throws a usage error (exit 2) naming the -e code when it does not compile', () => {
    expect(() => compileScript('foo(')).toThrow(CmlUsageError);
    expect(() => compileScript('foo(')).toThrow(/^Syntax error in the -e code: /);
    expect(() => compileScript('await foo(')).toThrow(/^Syntax error in the -e code: /);
  });
});

describe('runScript', () => {
  it('prints a page as a table over real HTTP', async () => {
    const result = await run('await api.listProjects({ pageSize: 2 })');
    expect(result.code).toBe(0);
    const lines = result.out.trim().split('\n');
    expect(lines[0]).toMatch(/^id\s+name/);
    expect(lines).toHaveLength(4);
    expect(lines[3]).toBe('2 projects on page 1 · more pages: use .all() or cmlsh call --all');
    expect(result.out).not.toContain('type it');
  });

  it('exits 2 with one line on a syntax error in the code', async () => {
    const result = await run('foo(');
    expect(result.code).toBe(2);
    expect(result.out).toBe('');
    expect(result.err).toMatch(/^Syntax error in the -e code: .+\n$/);
  });

  it('reports errors as one JSON line on stderr with json: true', async () => {
    const result = await run("await api.getProject({ projectId: 'no-such-project' })", { json: true });
    expect(result.code).toBe(1);
    expect(result.out).toBe('');
    expect(result.err.endsWith('\n')).toBe(true);
    expect(result.err.trim().split('\n')).toHaveLength(1);
    const { error } = JSON.parse(result.err) as { error: Record<string, unknown> };
    expect(error).toMatchObject({ name: 'CmlApiError', status: 404 });
    expect(error.message).toContain('HTTP 404');
    const syntax = await run('foo(', { json: true });
    expect(syntax.code).toBe(2);
    expect(JSON.parse(syntax.err)).toMatchObject({
      error: { name: 'CmlUsageError', message: expect.stringMatching(/^Syntax error in the -e code/) },
    });
  });

  it('prints the value after a block, as node -i does', async () => {
    const result = await run('if (true) {} 5');
    expect(result.out).toBe('5\n');
  });

  it('prints the raw response as JSON with json: true', async () => {
    const result = await run('await api.listProjects({ pageSize: 2 })', { json: true });
    const parsed = JSON.parse(result.out) as { projects: unknown[]; next_page_token: string };
    expect(parsed.projects).toHaveLength(2);
    expect(parsed.next_page_token).toBeTruthy();
  });

  it('uses the last expression after statements', async () => {
    const result = await run('const page = await api.listProjects({ pageSize: 3 }); page.items.length');
    expect(result.out.trim()).toBe('3');
  });

  it('answers an API error with one line on stderr and the error exit code', async () => {
    const result = await run("await api.getProject({ projectId: 'no-such-project' })");
    expect(result.code).toBe(1);
    expect(result.out).toBe('');
    expect(result.err.trim().split('\n')).toHaveLength(1);
    expect(result.err).toContain('HTTP 404');
  });

  it('exits 2 on a usage error and never prints the token', async () => {
    const result = await run('await api.noSuchOperation()');
    // JavaScript's "api.noSuchOperation is not a function" is answered as a typo, as `call` does.
    expect(result.code).toBe(2);
    expect(result.err).toContain('api has no noSuchOperation;');
    const bad = await run("await api.getProject({ projectId: 1, extra: 'x' })");
    expect(bad.code).toBe(2);
    expect(bad.err + bad.out).not.toContain(TOKEN);
  });

  it('takes cmlapi and answers a Python keyword call with the line to write', async () => {
    const made = await run("cmlapi.CreateJobRequest({ name: 'n', script: 'a.py' })", { json: true });
    expect(made.code).toBe(0);
    expect(JSON.parse(made.out)).toEqual({ name: 'n', script: 'a.py' });
    const python = await run('await api.list_projects(page_size=2)');
    expect(python.code).toBe(2);
    expect(python.err).toContain('give them as one object: await api.list_projects({ page_size: 2 })');
  });

  it('reports a wrong key as an auth failure', async () => {
    const result = await run('await api.listProjects()', { token: 'wrong-token-000000' });
    expect(result.code).not.toBe(0);
    expect(result.err).toContain('HTTP 401');
  });
});
