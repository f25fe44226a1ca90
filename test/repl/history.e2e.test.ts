import { mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { CMLSH, type TempHome, tempHome } from '../cli/run-cmlsh.js';
import { TmuxSession } from '../helpers/tmux.js';

// Two `cmlsh --demo` shells open at once in real terminals, sharing one HOME: each keeps
// its own lines, whichever exits last, and a third shell finds them all with ↑.
const MARK = 'cml:demo>';
const count = (screen: string, text: string) => screen.split(text).length - 1;
let home: TempHome | undefined;
const terms: TmuxSession[] = [];

afterEach(() => {
  for (const term of terms.splice(0)) term.kill();
  home?.cleanup();
  home = undefined;
});

async function openShell(env: NodeJS.ProcessEnv): Promise<TmuxSession> {
  const vars: Record<string, string> = {};
  for (const key of ['HOME', 'XDG_CONFIG_HOME', 'XDG_CACHE_HOME', 'XDG_STATE_HOME', 'NO_COLOR', 'PATH']) {
    const value = env[key];
    if (value !== undefined) vars[key] = value;
  }
  const term = TmuxSession.start(`${process.execPath} ${CMLSH} --demo`, { env: vars });
  terms.push(term);
  await term.waitFor(MARK, 30_000);
  return term;
}

async function enter(term: TmuxSession, line: string): Promise<void> {
  const before = count(term.screen(), MARK);
  term.type(line);
  term.press('Enter');
  await term.waitFor((screen) => count(screen, MARK) > before && screen.trimEnd().endsWith(MARK));
}

async function exit(term: TmuxSession): Promise<void> {
  term.type('.exit');
  term.press('Enter');
  await term.waitForExit();
}

function historyOf(dir: string): string[] {
  return readFileSync(join(dir, '.local/state/cmlsh/history'), 'utf8').trimEnd().split('\n');
}

describe('history with two shells open at once', () => {
  it('keeps the lines of both, whichever exits first, and offers them to the next shell', async () => {
    home = tempHome();
    const env = home.env();
    const [a, b] = await Promise.all([openShell(env), openShell(env)]);
    await enter(a, '"from A 1"');
    await enter(b, '"from B 1"');
    await enter(a, '"from A 2"');
    await enter(b, '"from B 2"');
    // A exits first, then B: with a history written whole on exit, B's write would drop A's lines.
    await exit(a);
    await exit(b);
    const lines = historyOf(home.dir);
    expect(lines).toEqual(['"from A 1"', '"from B 1"', '"from A 2"', '"from B 2"', '.exit', '.exit']);
    expect(statSync(join(home.dir, '.local/state/cmlsh/history')).mode & 0o777).toBe(0o600);

    const c = await openShell(env);
    c.press('Up', 'Up');
    await c.waitFor((screen) => screen.trimEnd().endsWith(`${MARK} "from B 2"`));
    c.press('Up');
    await c.waitFor((screen) => screen.trimEnd().endsWith(`${MARK} "from A 2"`));
  }, 90_000);

  it('keeps the newest few thousand entries and drops secret lines an older file held', async () => {
    home = tempHome();
    const env = home.env();
    const path = join(home.dir, '.local/state/cmlsh/history');
    const old = Array.from({ length: 5000 }, (_, i) => `old ${i}`);
    old.splice(4990, 0, "connect({ token: 'leaked-0123456789' })");
    mkdirSync(join(home.dir, '.local/state/cmlsh'), { recursive: true });
    writeFileSync(path, `${old.join('\n')}\n`);
    const term = await openShell(env);
    await enter(term, '"new"');
    await exit(term);
    const lines = historyOf(home.dir);
    expect(lines).toHaveLength(3002);
    expect(lines[0]).toBe('old 2000');
    expect(lines.slice(-3)).toEqual(['old 4999', '"new"', '.exit']);
    expect(lines.join('\n')).not.toContain('leaked');
  }, 60_000);
});
