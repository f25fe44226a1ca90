import { cpSync, mkdtempSync, readdirSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { CMLSH } from '../cli/run-cmlsh.js';
import { removeTree } from '../helpers/remove-tree.js';
import { TmuxSession } from '../helpers/tmux.js';

// The shell loads the browser in the background once its prompt is up (repl/browser-preload.ts).
const REPO = fileURLToPath(new URL('../..', import.meta.url));
const MARK = 'cml:demo>';
const made: string[] = [];
let term: TmuxSession | undefined;

afterEach(() => {
  term?.kill();
  term = undefined;
  for (const dir of made.splice(0)) removeTree(dir);
});

function tempDir(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  made.push(dir);
  return dir;
}

/**
 * The demo shell of `cmlsh` (the shipped one by default) in a real terminal, CI as given;
 * `typeAhead` is typed (with Enter) before the prompt is up, as a fast typist or a paste would.
 */
async function shell(ci: string | undefined, cmlsh = CMLSH, typeAhead?: string): Promise<TmuxSession> {
  const home = tempDir('cmlsh-preload-');
  term = TmuxSession.start(`env ${ci === undefined ? '-u CI' : `CI=${ci}`} node ${cmlsh} --demo`, {
    env: {
      HOME: home,
      XDG_CONFIG_HOME: join(home, 'c'),
      XDG_STATE_HOME: join(home, 's'),
      XDG_CACHE_HOME: join(home, 'k'),
      NO_COLOR: '1',
    },
    width: 120,
    height: 30,
  });
  if (typeAhead !== undefined) {
    term.type(typeAhead);
    term.press('Enter');
    return term;
  }
  await term.waitFor((s) => s.trimEnd().endsWith(MARK), 30_000);
  return term;
}

const count = (screen: string, text: string) => screen.split(text).length - 1;

/** Types a line and Enter; returns the screen once the prompt after it is back. */
async function run(t: TmuxSession, line: string): Promise<string> {
  const before = count(t.screen(), MARK);
  t.type(line);
  t.press('Enter');
  return t.waitFor((s) => count(s, MARK) > before && s.trimEnd().endsWith(MARK));
}

/**
 * What was printed between the line and the prompt after it, without the banner's `user`
 * line: the shell writes it above the prompt whenever the workspace answers, which may be
 * just after a line typed ahead has printed its answer.
 */
function answer(screen: string, line: string): string {
  const rest = screen.slice(screen.lastIndexOf(`${MARK} ${line}`) + MARK.length + 1 + line.length);
  return rest
    .slice(0, rest.indexOf(MARK))
    .split('\n')
    .filter((text) => !/^ {2}user \S+$/.test(text))
    .join('\n')
    .trim();
}

describe('the browser loaded in the background', () => {
  it('with CI set, code typed ahead still sees it throughout, and the browser opens and draws', async () => {
    // Typed before the prompt is up, so it runs the moment it can, and watches CI for a
    // while: the browser loads right after the prompt too, with CI taken out of process.env.
    const watch =
      "await (async () => { for (let i = 0; i < 100; i++) { if (!('CI' in process.env)) return 'gone'; await new Promise((r) => setTimeout(r, 5)); } return 'kept'; })()";
    const t = await shell('true', CMLSH, watch);
    const screen = await t.waitFor((s) => count(s, MARK) >= 2 && s.trimEnd().endsWith(MARK), 30_000);
    expect(answer(screen, watch)).toBe("'kept'");
    t.type('browse(api.listProjects({ pageSize: 5 }))');
    t.press('Enter');
    await t.waitFor(/listProjects · page 1 of 1\+ · 5 rows loaded/);
    t.type('q');
    await t.waitFor((s) => s.trimEnd().endsWith(MARK));
    expect(answer(await run(t, '6 * 7'), '6 * 7')).toBe('42');
  }, 60_000);

  it('that fails prints nothing and breaks nothing; browse() then says why', async () => {
    // A copy of the shipped bundle without the browser's chunk: the load cannot succeed.
    const copy = tempDir('cmlsh-nobrowser-');
    for (const part of ['bin', 'dist', 'package.json'])
      cpSync(join(REPO, part), join(copy, part), { recursive: true });
    symlinkSync(join(REPO, 'node_modules'), join(copy, 'node_modules'));
    const chunks = join(copy, 'dist', 'chunks');
    const browser = readdirSync(chunks).filter((name) => name.startsWith('browse-'));
    expect(browser.length).toBeGreaterThan(0);
    for (const name of browser) rmSync(join(chunks, name));

    // With CI set, the second line waits for the load to have ended, so it has failed by then.
    const t = await shell('true', join(copy, 'bin', 'cmlsh'));
    await run(t, '1 + 1');
    const screen = await run(t, '2 + 2');
    // The banner's user line comes above the prompt whenever the workspace answers: not ours to place.
    const lines = screen.split('\n').filter((line) => line.trim() !== '' && !/^\s+user /.test(line));
    const from = lines.findIndex((line) => line.includes(`${MARK} 1 + 1`));
    expect(lines.slice(from)).toEqual([`${MARK} 1 + 1`, '2', `${MARK} 2 + 2`, '4', MARK]);

    const failed = answer(await run(t, 'browse([1, 2])'), 'browse([1, 2])');
    expect(failed).toMatch(
      /cmlsh's installation is missing chunks\/browse-\w+\.cjs \(ENOENT\); reinstall cmlsh/,
    );
    expect(failed.split('\n')).toHaveLength(1);
    expect(answer(await run(t, '6 * 7'), '6 * 7')).toBe('42');
  }, 60_000);
});
