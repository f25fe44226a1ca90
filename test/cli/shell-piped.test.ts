import { describe, expect, it } from 'vitest';
import { cliFixture, runCmlsh } from './run-cmlsh.js';

// The shell with stdin piped (`cmlsh < script.txt`): no one is typing, so the banner is
// whole, user line included, before the first prompt, and results follow in order.
const TOKEN = 'piped-shell-token-0123456789';
const cli = cliFixture({ tokens: [TOKEN], seedProjects: 3 });

/** Every text of `order` is in `out`, in that order. */
function expectInOrder(out: string, order: readonly string[]): void {
  const at = order.map((text) => out.indexOf(text));
  expect(
    at.every((index) => index >= 0),
    out,
  ).toBe(true);
  expect([...at].sort((a, b) => a - b)).toEqual(at);
}

describe('the shell with stdin piped', () => {
  it('--demo: the user line ends the banner, before the first prompt', async () => {
    const result = await runCmlsh(['--demo'], cli.env(), '6 * 7\n"done"\n');
    expect(result.code, result.stderr).toBe(0);
    const lines = result.stdout.split('\n');
    const user = lines.findIndex((line) => /^ {2}user [a-z]+\.[a-z]+$/.test(line));
    const prompt = lines.findIndex((line) => line.startsWith('cml:demo>'));
    expect(user).toBeGreaterThan(0);
    expect(prompt).toBe(user + 1);
    expect(lines.slice(prompt)).toEqual(['cml:demo> 42', "cml:demo> 'done'", 'cml:demo> ']);
  });

  it('a refused key is said on its own line before the first prompt', async () => {
    const env = cli.env({ CML_HOST: cli.emulator.url, CML_API_KEY: 'wrong-key-0123456789' });
    const result = await runCmlsh([], env, '1 + 1\n');
    const before = result.stdout.slice(0, result.stdout.indexOf('cml:'));
    expect(before).toMatch(/\nThe API key was refused, so every call will fail: HTTP 401 .*cmlsh login/);
    expect(result.stdout).toContain('> 2\n');
  });

  it('runs the lines one after the other, and ends only when the last call has answered', async () => {
    const lines = [
      'api.listProjects({ pageSize: 2 })',
      '"after the list"',
      'api.getProject({ projectId: "nope" })',
      'function f() {',
      '  return 41 + 1',
      '}',
      'f()',
      'await api.listProjects({ pageSize: 1 }).then((page) => page.items.length)',
    ];
    const result = await runCmlsh(['--demo'], cli.env(), `${lines.join('\n')}\n`);
    expect(result.code, result.stderr).toBe(0);
    const out = result.stdout;
    const order = ['2 projects on page 1', "'after the list'", 'HTTP 404', '> 42\n', 'cml:demo> 1\n'];
    expectInOrder(out, order);
    // The demo's emulator closed after the last answer, not under a call still running.
    expect(out).not.toContain('connection refused');
  });

  it('goes on after a line that throws at once follows one whose await was refused', async () => {
    // `it` with nothing listed rejects inside the await the shell adds; the next line throws
    // before anything awaits. Node's REPL ended the shell there, once (a TypeError of its own).
    const lines = ['it', 'help', 'await Promise.reject(new Error("refused"))', 'nope.nope', '6 * 7'];
    const result = await runCmlsh(['--demo'], cli.env(), `${lines.join('\n')}\n`);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).not.toContain('TypeError');
    const out = result.stdout;
    const order = [
      'Nothing to continue',
      'ReferenceError: help is not defined',
      'Error: refused',
      'ReferenceError: nope is not defined',
      '> 42\n',
    ];
    expectInOrder(out, order);
  });
});
