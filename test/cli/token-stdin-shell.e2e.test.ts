import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { removeTree } from '../helpers/remove-tree.js';
import { TmuxSession } from '../helpers/tmux.js';
import { CMLSH, collect, randomToken, startTestEmulator, type TempHome, tempHome } from './run-cmlsh.js';

const TOKEN = randomToken('stdin-shell');
let emulator: Awaited<ReturnType<typeof startTestEmulator>>;
let home: TempHome;
let keyDir: string;
let session: TmuxSession | undefined;

beforeAll(async () => {
  emulator = await startTestEmulator({ tokens: [TOKEN], seedProjects: 3 });
  keyDir = mkdtempSync(join(tmpdir(), 'cmlsh-key-'));
  writeFileSync(join(keyDir, 'key.txt'), `${TOKEN}\n`, { mode: 0o600 });
});
afterAll(async () => {
  removeTree(keyDir);
  await emulator.close();
});
afterEach(() => {
  session?.kill();
  session = undefined;
  expect(home.filesContaining(TOKEN)).toEqual([]);
  home.cleanup();
});

function stringEnv(): Record<string, string> {
  home = tempHome();
  return Object.fromEntries(
    Object.entries(home.env()).filter((e): e is [string, string] => typeof e[1] === 'string'),
  );
}

describe('cmlsh --token-stdin < keyfile (the interactive shell)', () => {
  it('reads the key from the file, then the prompt from the terminal', async () => {
    const keyFile = join(keyDir, 'key.txt');
    session = TmuxSession.start(
      `node ${CMLSH} --host ${emulator.url} --token-stdin < ${keyFile}; echo "exit=$?"`,
      { env: stringEnv() },
    );
    await session.waitFor('cml:127.0.0.1');
    session.type('(await api.listProjects({ pageSize: 2 })).projects.length');
    session.press('Enter');
    await session.waitFor(/^2$/m);
    session.type('.exit');
    session.press('Enter');
    const screen = await session.waitFor(/exit=\d+/);
    expect(screen).toContain('exit=0');
    expect(screen).not.toContain(TOKEN);
  });

  it('without any terminal: one usage line naming the other ways, exit 2, nothing started', async () => {
    // detached: a new session, so the process has no controlling terminal at all.
    const child = spawn(process.execPath, [CMLSH, '--host', emulator.url, '--token-stdin'], {
      env: stringEnv(),
      stdio: ['pipe', 'pipe', 'pipe'],
      detached: true,
    });
    const result = await collect(child, `${TOKEN}\n`);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(result.stderr).toMatch(/needs a terminal/);
    expect(result.stderr).toContain('cmlsh login');
    expect(result.stderr).toContain('CML_API_KEY');
  });

  it('-e with --token-stdin needs no terminal', async () => {
    const child = spawn(
      process.execPath,
      [CMLSH, '--host', emulator.url, '--token-stdin', '-e', '(await api.listProjects()).projects.length'],
      { env: stringEnv(), stdio: ['pipe', 'pipe', 'pipe'], detached: true },
    );
    const result = await collect(child, `${TOKEN}\n`);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout.trim()).toBe('3');
  });
});
