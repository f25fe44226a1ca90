import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { start } from 'node:repl';
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { filterHistory, setupPrivateHistory } from '../../src/repl/history.js';
import { rewriteLine } from '../../src/repl/rewrite-line.js';
import { isSecretLine, redactSecrets } from '../../src/repl/secrets.js';

const TOKEN = 'abcdef0123456789secret';

describe('secret lines', () => {
  it('flags the token value, Bearer headers and credential literals', () => {
    expect(isSecretLine(`const key = '${TOKEN}'`, [TOKEN])).toBe(true);
    expect(isSecretLine("fetch(u, { headers: { Authorization: 'Bearer xyz' } })")).toBe(true);
    expect(isSecretLine("connect({ token: 'xyz' })")).toBe(true);
    expect(isSecretLine("x = { apiKey: 'xyz' }")).toBe(true);
    expect(isSecretLine("x = { 'api_key': 'xyz' }")).toBe(true);
    expect(isSecretLine('process.env.CML_API_KEY')).toBe(true);
  });

  it('keeps ordinary lines, including page tokens', () => {
    expect(isSecretLine('await api.listProjects({ pageSize: 3 })', [TOKEN])).toBe(false);
    expect(isSecretLine("await api.listJobs({ pageToken: 'abc' })", [TOKEN])).toBe(false);
    expect(isSecretLine("await api.listJobs({ page_token: 'abc' })", [TOKEN])).toBe(false);
    // A tiny "secret" would match everything; it is ignored.
    expect(isSecretLine('a', ['a'])).toBe(false);
  });

  it('masks secrets in printed text', () => {
    expect(redactSecrets(`key ${TOKEN} again ${TOKEN}`, [TOKEN])).toBe('key ****cret again ****cret');
  });

  it('filters a newest-first history list in place', () => {
    const history = ['it', `'${TOKEN}'`, 'api.listProjects()', "x = {token: 'q'}"];
    expect(filterHistory(history, [TOKEN])).toEqual(['it', 'api.listProjects()']);
  });
});

describe('setupPrivateHistory', () => {
  it('keeps a 0600 file without the secret lines typed in the session', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cmlsh-history-'));
    const path = join(dir, 'state', 'history');
    const input = new PassThrough();
    const output = new PassThrough();
    output.resume();
    const repl = start({ input, output, terminal: true, prompt: '> ' });
    await setupPrivateHistory(repl, path, [TOKEN]);
    const exited = new Promise((resolve) => repl.once('exit', resolve));
    for (const line of ['1 + 1', `'${TOKEN}'.length`, "({ token: 'x' })", '2 + 2']) input.write(`${line}\r`);
    await new Promise((resolve) => setTimeout(resolve, 100));
    repl.close();
    await exited;
    expect(statSync(path).mode & 0o777).toBe(0o600);
    expect(statSync(join(dir, 'state')).mode & 0o777).toBe(0o700);
    const text = readFileSync(path, 'utf8');
    // Oldest first, one entry a line: each shell appends its own (see history.e2e.test.ts).
    expect(text.split('\n')).toEqual(['1 + 1', '2 + 2', '']);
    expect(text).not.toContain(TOKEN);
  });
});

describe('rewriteLine', () => {
  it('turns a lone `it` into the next page and awaits browse', () => {
    expect(rewriteLine('it\n')).toBe('await __cmlshNextPage()\n');
    expect(rewriteLine('  it;\n')).toBe('await __cmlshNextPage()\n');
    expect(rewriteLine('browse(api.listProjects())\n')).toBe('await browse(api.listProjects())\n');
    expect(rewriteLine('items.map(it => it.id)\n')).toBe('items.map(it => it.id)\n');
  });
});
