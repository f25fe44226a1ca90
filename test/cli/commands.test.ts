import { createInterface } from 'node:readline';
import { describe, expect, it } from 'vitest';
import { REAL_SPEC_PATH } from '../helpers/real-spec.js';
import { cliFixture, collect, randomToken, runCmlsh, spawnCmlsh } from './run-cmlsh.js';

const TOKEN = randomToken('cmd');
const cli = cliFixture({ tokens: [TOKEN], seedProjects: 12 });
const env = cli.env;

describe('cmlsh ops and describe', () => {
  it('ops --json --spec FILE lists all 158 operations of the real spec with no host or token', async () => {
    const result = await runCmlsh(['ops', '--json', '--spec', REAL_SPEC_PATH], env());
    expect(result.code, result.stderr).toBe(0);
    const ops = JSON.parse(result.stdout) as Record<string, string>[];
    expect(ops).toHaveLength(158);
    expect(Object.keys(ops[0] ?? {}).sort()).toEqual(
      ['method', 'name', 'operationId', 'path', 'pythonName', 'summary'].sort(),
    );
    expect(ops).toContainEqual(
      expect.objectContaining({ name: 'validateAPIKey', pythonName: 'validate_api_key', method: 'POST' }),
    );
  });

  it('ops without credentials uses the builtin spec, and filters by words', async () => {
    const result = await runCmlsh(['ops', 'list', 'job'], env());
    expect(result.code).toBe(0);
    const lines = result.stdout.trimEnd().split('\n');
    expect(lines.some((line) => line.startsWith('listJobs '))).toBe(true);
    for (const line of lines) expect(line.toLowerCase()).toMatch(/list[\s\S]*job|job[\s\S]*list/);
  });

  it('describe prints the help of an operation given in snake_case', async () => {
    const result = await runCmlsh(['describe', 'list_jobs'], env());
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('listJobs');
    expect(result.stdout).toContain('projectId');
  });

  it('describe of an unknown operation: exit 2 with a did-you-mean', async () => {
    const result = await runCmlsh(['describe', 'listJob'], env());
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('Did you mean');
  });
});

describe('cmlsh serve', () => {
  it('first line is the URL, second the generated key; it answers and stops on SIGTERM', async () => {
    const child = spawnCmlsh(['serve', '--port', '0', '--seed-projects', '3'], env());
    const done = collect(child);
    const lines = createInterface({ input: child.stdout! })[Symbol.asyncIterator]();
    const first = (await lines.next()).value as string;
    expect(first).toMatch(/^listening on http:\/\/127\.0\.0\.1:\d+$/);
    const second = (await lines.next()).value as string;
    const token = second.replace(/^token: /, '');
    expect(token.length).toBeGreaterThan(16);
    const url = first.slice('listening on '.length);
    const call = await runCmlsh(
      ['call', 'listProjects', '--all', '-o', 'jsonl'],
      cli.home.env({ CML_HOST: url, CML_API_KEY: token }),
    );
    expect(call.code, call.stderr).toBe(0);
    expect(call.stdout.trimEnd().split('\n').length).toBeGreaterThanOrEqual(3);
    child.kill('SIGTERM');
    const result = await done;
    expect(result.code).toBe(0);
    expect(cli.home.filesContaining(token)).toEqual([]);
  });

  it('accepts --token (repeatable) and prints only the URL', async () => {
    const child = spawnCmlsh(
      ['serve', '--token', TOKEN, '--token', 'second-key-123456', '--seed', 'none'],
      env(),
    );
    const done = collect(child);
    await new Promise<void>((resolve) => child.stdout?.once('data', () => resolve()));
    child.kill('SIGINT');
    const result = await done;
    expect(result, JSON.stringify(result)).toMatchObject({ code: 0, signal: null });
    expect(result.stdout).toMatch(/^listening on http:\/\/127\.0\.0\.1:\d+\n$/);
  });
});

describe('cmlsh --demo, help, version, usage errors', () => {
  it('--demo -e runs against an in-process emulator', async () => {
    const result = await runCmlsh(
      ['--demo', '--json', '-e', 'const page = await api.listProjects({pageSize:2}); page.projects.length'],
      env(),
    );
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout.trim()).toBe('2');
  });

  it('--version prints the package version', async () => {
    const result = await runCmlsh(['--version'], env());
    expect(result.stdout.trim()).toMatch(/^\d+\.\d+\.\d+/);
  });

  it('every command has --help', async () => {
    const environment = env();
    for (const command of [
      'call',
      'ops',
      'describe',
      'browse',
      'serve',
      'login',
      'logout',
      'whoami',
      'profiles',
    ]) {
      const result = await runCmlsh([command, '--help'], environment);
      expect(result.code, command).toBe(0);
      expect(result.stdout, command).toContain(`cmlsh ${command}`);
    }
  });

  it('an unknown command or flag is a usage error (exit 2)', async () => {
    const unknown = await runCmlsh(['cal', 'listProjects'], env());
    expect(unknown.code).toBe(2);
    const flag = await runCmlsh(['ops', '--bogus'], cli.home.env());
    expect(flag.code).toBe(2);
    expect(flag.stderr).toContain('bogus');
  });

  it('completion prints a shell script', async () => {
    const result = await runCmlsh(['completion'], env({ SHELL: '/bin/bash' }));
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('complete -o');
  });
});
