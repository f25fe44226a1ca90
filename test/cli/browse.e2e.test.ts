import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { TmuxSession } from '../helpers/tmux.js';
import { CMLSH, collect, randomToken, startTestEmulator, type TempHome, tempHome } from './run-cmlsh.js';

const TOKEN = randomToken('browse');
let emulator: Awaited<ReturnType<typeof startTestEmulator>>;
let home: TempHome;
let session: TmuxSession | undefined;

beforeAll(async () => {
  emulator = await startTestEmulator({ tokens: [TOKEN], seedProjects: 30 });
});
afterAll(() => emulator.close());
afterEach(() => {
  session?.kill();
  session = undefined;
  expect(home.filesContaining(TOKEN)).toEqual([]);
  home.cleanup();
});

function vars(): Record<string, string> {
  home = tempHome();
  // CI=true as on a build machine: the browser must still draw (ink alone would not).
  const env = home.env({ CML_HOST: emulator.url, CML_API_KEY: TOKEN, CI: 'true' });
  return Object.fromEntries(
    Object.entries(env).filter((e): e is [string, string] => typeof e[1] === 'string'),
  );
}

function start(args: string): TmuxSession {
  const env = vars();
  session = TmuxSession.start(`node ${CMLSH} browse ${args}; echo "exit=$?"`, {
    env,
    cwd: home.dir,
    width: 140,
    height: 30,
  });
  return session;
}

describe('cmlsh browse in a real terminal', () => {
  it('pages lazily, drills into a project’s jobs, comes back and prints the picked row', async () => {
    const term = start('listProjects --page-size 10');
    const first = await term.waitFor(/listProjects · page 1 of 1\+ · 10 rows loaded/);
    const firstRow = first.split('\n').find((line) => /^\W*[a-z0-9]{4}-[a-z0-9]{4}-/.test(line.trim()));
    expect(firstRow).toBeDefined();
    term.press('n');
    await term.waitFor(/page 2/);
    term.press('p');
    await term.waitFor(/page 1/);
    term.press('g');
    await term.waitFor(/Related/);
    term.press('Enter');
    await term.waitFor(/› applications/);
    // Esc goes back to where g was pressed: the table.
    term.press('Escape');
    await term.waitFor(/^listProjects · page \d/m);
    term.press('Enter');
    await term.waitFor(/id: "[a-z0-9-]+"/);
    term.press('q');
    const done = await term.waitFor(/exit=0/);
    expect(done).toMatch(/"id": "[a-z0-9]{4}-[a-z0-9]{4}-[a-z0-9]{4}-[a-z0-9]{4}"/);
  });

  it('survives a burst: 300 n and a 200-character paste at / in one read each; q still exits 0', async () => {
    const term = start('listProjects --page-size 5');
    await term.waitFor(/listProjects · page 1 of 1\+/);
    term.type('n'.repeat(300));
    await term.waitFor(/page (\d+) of \1 · 30 rows loaded · all loaded/);
    term.type('/');
    term.type('y'.repeat(200));
    await term.waitFor(/0 of 30 loaded rows match/);
    term.press('Escape');
    // Esc is read on its own (not as Alt with the next key) only once the prompt is gone.
    await term.waitFor((s) => !s.includes('loaded rows match'));
    term.press('q');
    const done = await term.waitFor(/exit=\d+/);
    expect(done).toContain('exit=0');
  });

  it('a call that fails before any page is one line and a failing exit, not a browser', async () => {
    const term = start('getProject --project-id nosuch');
    const done = await term.waitFor(/exit=\d+/);
    expect(done).toContain('exit=1');
    expect(done).not.toContain('r retries');
    expect(done).not.toMatch(/^\s+at /m);
    expect(done).toMatch(/404|not found/i);
  });

  it('y copies over OSC 52 into tmux with set-clipboard on; with it off the browser says the copy failed', async () => {
    const term = start('listProjects --page-size 5');
    term.setGlobal('set-clipboard', 'on');
    await term.waitFor(/listProjects · page 1/);
    term.press('Enter');
    const detail = await term.waitFor(/id: "[a-z0-9-]+"/);
    const id = /id: "([a-z0-9-]+)"/.exec(detail)?.[1] ?? '';
    term.press('y');
    await term.waitFor(`copied ${id}`);
    await term.waitFor(() => term.pasteBuffer() === id);
    term.setGlobal('set-clipboard', 'off');
    term.press('Y');
    await term.waitFor(
      'copy failed: tmux has set-clipboard off; run `tmux set -g set-clipboard on` and copy again',
    );
    term.press('q');
    await term.waitFor(/exit=0/);
  });

  it('a call refused at once, while the browser is still loading, is its one line in flag terms and exit 2', async () => {
    // With the spec cached (by the call before), the refusal comes long before the browser has loaded.
    session = TmuxSession.start(
      `sh -c 'node ${CMLSH} call listProjects --page-size 1 > /dev/null; node ${CMLSH} browse getProject; echo "exit=$?"'`,
      { env: vars(), cwd: home.dir, width: 140, height: 30 },
    );
    const term = session;
    const done = await term.waitFor(/exit=\d+/);
    expect(done).toContain('exit=2');
    // Told as the flags typed here, as `cmlsh call` tells it, with a browse command as the example.
    expect(done).toContain('getProject needs --project-id');
    expect(done).toContain('Example: cmlsh browse getProject --project-id');
    expect(done).not.toMatch(/^\s+at /m);
  });

  it('a command line the fast path leaves to yargs (--no-demo) draws the same browser', async () => {
    const term = start('listProjects --page-size 5 --no-demo');
    await term.waitFor(/listProjects · page 1 of 1\+ · 5 rows loaded/);
    term.press('q');
    await term.waitFor(/exit=0/);
  });

  it('a bad flag value is the same one line and exit 2 on either path', async () => {
    const term = start('listProjects --timeout soon');
    const done = await term.waitFor(/exit=\d+/);
    expect(done).toContain('exit=2');
    expect(done).toContain('--timeout takes a whole number of milliseconds from 1 to 2147483647');
  });

  it('an unknown operation is one line and exit 2, before any screen is drawn', async () => {
    const term = start('listProjets');
    const done = await term.waitFor(/exit=2/);
    expect(done).toContain('No operation "listProjets". Did you mean listProjects');
  });
});

async function get(path: string): Promise<Record<string, unknown[]>> {
  const response = await fetch(`${emulator.url}/api/v2/${path}`, {
    headers: { authorization: `Bearer ${TOKEN}` },
  });
  return (await response.json()) as Record<string, unknown[]>;
}

describe('cmlsh browse with stdout redirected', () => {
  it('draws on the terminal and writes only the picked item to the file', async () => {
    const project = (await get('projects?page_size=1')).projects?.[0] as { id: string };
    const job = (await get(`projects/${project.id}/jobs?page_size=1`)).jobs?.[0];
    expect(job).toBeDefined();
    const term = start(`listJobs --project-id ${project.id} > picked.json`);
    const screen = await term.waitFor(/listJobs.*page 1/);
    expect(screen).toContain((job as { name: string }).name);
    term.press('Enter');
    await term.waitFor(/id: "[a-z0-9-]+"/);
    term.press('q');
    await term.waitFor(/exit=0/);
    const picked = readFileSync(join(home.dir, 'picked.json'), 'utf8');
    expect(picked).toBe(`${JSON.stringify(job, null, 2)}\n`);
  });

  it('with no terminal at all: one line, exit 2, nothing on stdout', async () => {
    // detached: a new session, so there is no controlling terminal to fall back on.
    const child = spawn(process.execPath, [CMLSH, 'browse', 'listProjects'], {
      env: vars(),
      stdio: ['pipe', 'pipe', 'pipe'],
      detached: true,
    });
    const result = await collect(child);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe(
      'cmlsh browse needs a terminal to draw on, and there is none: use `cmlsh call` to print the answer instead\n',
    );
  });
});
