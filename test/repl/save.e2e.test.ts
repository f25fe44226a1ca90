import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Emulator, startEmulator } from '../../src/emulator/index.js';
import { builtinSwagger } from '../../src/spec/index.js';
import { removeTree } from '../helpers/remove-tree.js';
import { TmuxSession } from '../helpers/tmux.js';

// `.save` in a real terminal: the session's lines go to the file, the ones holding the
// key (or a credential literal) do not, and the file is private.
const TOKEN = 'save-test-token-0123456789';
const MARK = 'cml:at>';
const count = (screen: string, text: string) => screen.split(text).length - 1;
const dir = mkdtempSync(join(tmpdir(), 'cmlsh-save-'));
let emulator: Emulator;
let term: TmuxSession;

beforeAll(async () => {
  emulator = await startEmulator({ document: builtinSwagger(), port: 0, tokens: [TOKEN], seed: 'demo' });
  term = TmuxSession.start('npx tsx test/repl/fixtures/shell-at.ts', {
    cwd: process.cwd(),
    env: { FIXTURE_HOST: emulator.url, FIXTURE_TOKEN: TOKEN, FIXTURE_HISTORY: join(dir, 'history') },
  });
  await term.waitFor(MARK, 30_000);
}, 40_000);

afterAll(async () => {
  term?.kill();
  await emulator.close();
  removeTree(dir);
});

async function enter(line: string): Promise<string> {
  const before = count(term.screen(), MARK);
  term.type(line);
  term.press('Enter');
  return term.waitFor((screen) => count(screen, MARK) > before && screen.trimEnd().endsWith(MARK));
}

describe('.save', () => {
  it('writes the session without the lines holding the key, mode 0600', async () => {
    await enter('const n = 6 * 7');
    await enter(`const k = '${TOKEN}'`);
    await enter("const c = { token: 'literal-secret-value' }");
    await enter('n + 1');
    const file = join(dir, 'session.js');
    const screen = await enter(`.save ${file}`);
    expect(screen).toContain(`Session saved to ${file} (2 lines holding a key left out)`);
    expect(readFileSync(file, 'utf8')).toBe('const n = 6 * 7\nn + 1\n');
    expect(statSync(file).mode & 0o777).toBe(0o600);
  });

  it('says what went wrong when it cannot write, and the shell goes on', async () => {
    // A folder that is a file: mkdir fails with ENOTDIR/EEXIST.
    writeFileSync(join(dir, 'plain'), '');
    const screen = await enter(`.save ${join(dir, 'plain', 'x.js')}`);
    expect(screen).toContain(`Could not save to ${join(dir, 'plain', 'x.js')}: `);
    expect(screen).not.toMatch(/^\s+at /m);
    const device = await enter('.save /dev/full');
    expect(device).toContain('Could not save to /dev/full: it is a device; choose a file name');
    await enter('"still here"');
    expect(term.screen()).toContain("'still here'");
  });
});
