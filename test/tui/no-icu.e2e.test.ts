import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CMLSH } from '../cli/run-cmlsh.js';
import { removeTree } from '../helpers/remove-tree.js';
import { TmuxSession } from '../helpers/tmux.js';

// The shipped bundle on a real terminal: a session of the demo shell that browses, lists and
// leaves. Its text is ASCII and box drawing, which needs no ICU: the first Intl.Segmenter
// of a process costs its first frame 11-22 ms (src/present/graphemes.ts), and ink's output
// and slice-ansi each made one at import until scripts/dependency-rewrites.mjs.
const home = mkdtempSync(join(tmpdir(), 'cmlsh-no-icu-'));
const countFile = join(home, 'segmenters');
const fixture = new URL('./fixtures/count-segmenters.cjs', import.meta.url).pathname;
let term: TmuxSession | undefined;

afterAll(() => {
  term?.kill();
  removeTree(home);
});

describe('a shell session over terminal text', () => {
  it('browses a list, pages a table and leaves without making an Intl.Segmenter', async () => {
    term = TmuxSession.start(`env -u CI node -r ${fixture} ${CMLSH} --demo`, {
      env: { HOME: home, XDG_STATE_HOME: join(home, 's'), SEGMENTERS_FILE: countFile, NO_COLOR: '1' },
      width: 120,
      height: 30,
    });
    await term.waitFor((s) => s.trimEnd().endsWith('cml:demo>'), 30_000);
    term.type('browse(api.listProjects())');
    term.press('Enter');
    await term.waitFor(/listProjects · page 1.*\n.*id +name +owner/, 15_000);
    term.press('Down', 'Down', 'End', 'Home');
    term.type('q');
    await term.waitFor((s) => s.trimEnd().endsWith('cml:demo>'));
    term.type('await api.listJobs({ projectId: (await api.listProjects()).projects[0].id })');
    term.press('Enter');
    await term.waitFor(/jobs on page 1/);
    term.type('.exit');
    term.press('Enter');
    await term.waitForExit(15_000);
    expect(existsSync(countFile)).toBe(true);
    expect(readFileSync(countFile, 'utf8')).toBe('0');
  }, 60_000);
});
