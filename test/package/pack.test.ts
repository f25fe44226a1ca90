import { execFile, spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const root = fileURLToPath(new URL('../..', import.meta.url));
let consumer: string;
let home: string;

/** Runs the installed cmlsh as a user would, with a fresh HOME. */
async function cmlsh(args: string[], input?: string) {
  const child = run(join(consumer, 'node_modules/.bin/cmlsh'), args, {
    cwd: consumer,
    env: { PATH: process.env.PATH, HOME: home, DBUS_SESSION_BUS_ADDRESS: 'unix:path=/nonexistent' },
    timeout: 60_000,
  });
  if (input !== undefined) child.child.stdin?.end(input);
  try {
    const { stdout, stderr } = await child;
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

beforeAll(async () => {
  const packDir = mkdtempSync(join(tmpdir(), 'cmlsh-pack-'));
  await run('npm', ['pack', '--silent', '--pack-destination', packDir], { cwd: root, timeout: 120_000 });
  const tarball = readdirSync(packDir).find((f) => f.endsWith('.tgz'));
  consumer = mkdtempSync(join(tmpdir(), 'cmlsh-consumer-'));
  home = mkdtempSync(join(tmpdir(), 'cmlsh-home-'));
  writeFileSync(join(consumer, 'package.json'), '{"name":"consumer","private":true}');
  // A user's project: production dependencies only, and npm 11 skips keytar's native
  // build (not approved in this project), so cmlsh must run without a keychain.
  await run(
    'npm',
    ['install', '--omit=dev', '--no-audit', '--no-fund', join(packDir, tarball ?? 'missing.tgz')],
    {
      cwd: consumer,
      timeout: 240_000,
    },
  );
}, 300_000);

describe('the npm package, installed into an empty folder', () => {
  it('ships only what it needs', () => {
    const installed = readdirSync(join(consumer, 'node_modules/cmlsh')).sort();
    expect(installed).toEqual(expect.arrayContaining(['bin', 'dist', 'package.json', 'README.md']));
    expect(installed).not.toContain('src');
    expect(installed).not.toContain('test');
    const deps = readdirSync(join(consumer, 'node_modules'));
    for (const dev of ['vitest', 'typescript', '@biomejs', 'esbuild', 'tsx']) expect(deps).not.toContain(dev);
  });

  it('runs --help', async () => {
    const { code, stdout } = await cmlsh(['--help']);
    expect(code).toBe(0);
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
      expect(stdout).toContain(command);
    }
  });

  it('runs the demo workspace', async () => {
    const { code, stdout, stderr } = await cmlsh([
      '--demo',
      '--json',
      '-e',
      'await api.listProjects.all({ pageSize: 5, limit: 7 })',
    ]);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const projects = JSON.parse(stdout) as { id: string; name: string }[];
    expect(projects).toHaveLength(7);
    expect(new Set(projects.map((p) => p.id)).size).toBe(7);
  });

  it('without a keychain, login checks the key, then says so plainly and writes nothing', async () => {
    const server = spawn(
      join(consumer, 'node_modules/.bin/cmlsh'),
      ['serve', '--port', '0', '--token', 'pack-token-123456'],
      {
        env: { PATH: process.env.PATH, HOME: home },
      },
    );
    try {
      const [firstLine] = (await once(createInterface({ input: server.stdout }), 'line')) as [string];
      const url = firstLine.replace('listening on ', '');
      expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      const { code, stderr, stdout } = await cmlsh(
        ['login', '--host', url, '--token-stdin'],
        'pack-token-123456\n',
      );
      expect(stdout).toBe('');
      expect(code).toBe(2);
      expect(stderr).toMatch(/^No keychain is available.*CML_API_KEY.*--token-stdin/);
      expect(stderr.trim().split('\n')).toHaveLength(1);
      expect(readdirSync(home, { recursive: true }).join('\n')).not.toContain('config.json');
    } finally {
      server.kill('SIGTERM');
    }
  });
});
