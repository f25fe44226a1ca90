import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TmuxSession } from '../helpers/tmux.js';
import { enter, MARK, outputOf } from './shell-io.js';

const dir = mkdtempSync(join(tmpdir(), 'cmlsh-reload-'));
const versionFile = join(dir, 'version');
let term: TmuxSession;

beforeAll(async () => {
  writeFileSync(versionFile, '26.06.13');
  term = TmuxSession.start('npx tsx test/repl/fixtures/start-shell-cached.ts', {
    cwd: process.cwd(),
    env: {
      FIXTURE_HISTORY: join(dir, 'history'),
      FIXTURE_CACHE: join(dir, 'cache'),
      FIXTURE_SPEC_VERSION: versionFile,
    },
  });
  await term.waitFor(MARK, 30_000);
}, 40_000);

afterAll(() => term?.kill());

describe('.reload in the shell', () => {
  it('fetches the spec again: unchanged, then a new version noticed and api rebuilt from it', async () => {
    let screen = await enter(term, '.reload');
    expect(outputOf(screen, '.reload')).toBe(
      'Reloaded: spec 26.06.13 (158 operations, from the workspace), unchanged.',
    );

    writeFileSync(versionFile, '26.07.01');
    screen = await enter(term, '.reload');
    const out = outputOf(screen, '.reload');
    expect(out).toContain(
      "warning: The workspace's API spec changed from 26.06.13 to 26.07.01; using the new one",
    );
    expect(out).toContain('Reloaded: spec 26.07.01 (158 operations, from the workspace); was 26.06.13');
    // The rebuilt api is the one the prompt uses.
    screen = await enter(term, 'api');
    expect(outputOf(screen, 'api')).toContain('158 operations (spec 26.07.01)');
  }, 60_000);
});
