import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CMLSH } from '../cli/run-cmlsh.js';
import { removeTree } from '../helpers/remove-tree.js';
import { TmuxSession } from '../helpers/tmux.js';

// The shipped bundle (bin/cmlsh -> dist/), the demo workspace, a real terminal.
const PROMPT = 'cml:demo> ';
const MARK = 'cml:demo>';
const home = mkdtempSync(join(tmpdir(), 'cmlsh-browse-'));
let term: TmuxSession;

const atPrompt = (screen: string) => screen.trimEnd().endsWith(MARK);
const count = (screen: string, text: string) => screen.split(text).length - 1;

/** Types a line, Enter, and waits for the prompt after it; returns what was printed in between. */
async function run(line: string): Promise<string> {
  const before = count(term.screen(), MARK);
  term.type(line);
  term.press('Enter');
  const screen = await term.waitFor((s) => count(s, MARK) > before && atPrompt(s));
  const start = screen.lastIndexOf(`${PROMPT}${line}`);
  const rest = screen.slice(start + PROMPT.length + line.length);
  return rest.slice(0, rest.indexOf(MARK)).trim();
}

beforeAll(async () => {
  term = TmuxSession.start(`env -u CI node ${CMLSH} --demo`, {
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
  await term.waitFor((s) => atPrompt(s), 30_000);
}, 40_000);

afterAll(() => {
  term?.kill();
  removeTree(home);
});

describe('the browser inside the shell', () => {
  it('a value that throws when read: one error line, and the shell goes on', async () => {
    const out = await run("browse([{ get name() { throw new Error('x') } }])");
    expect(out).toContain('the browser stopped on an error: Error: x');
    expect(await run('6 * 7')).toBe('42');
  });

  it('a call that fails before any page is its one-line error, not a browser', async () => {
    const out = await run("browse(api.getProject({ projectId: 'nosuch' }))");
    expect(out).toMatch(/404|not found/i);
    expect(out).not.toContain('r retries');
    expect(await run('1 + 1')).toBe('2');
  });

  it('a 200-character paste at / and 300 n in one burst: no crash, and q gives the shell back', async () => {
    term.type('browse(api.listProjects({ pageSize: 10 }))');
    term.press('Enter');
    await term.waitFor('q quit');
    term.type('n'.repeat(300));
    await term.waitFor(/page (\d+) of \1 · \d+ rows loaded · all loaded/);
    term.type('/');
    term.type('x'.repeat(200));
    await term.waitFor('0 of');
    term.press('Escape');
    // Esc is read on its own (not as Alt with the next key) only once the prompt is gone.
    await term.waitFor((s) => !s.includes('loaded rows match'));
    term.type('q');
    await term.waitFor((s) => atPrompt(s));
    expect(await run('6 * 7')).toBe('42');
  }, 60_000);
});
