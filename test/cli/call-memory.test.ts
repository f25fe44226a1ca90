import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomToken, runCmlsh, startTestEmulator, type TempHome, tempHome } from './run-cmlsh.js';

const TOKEN = randomToken('mem');
const ITEMS = 30_000;
let emulator: Awaited<ReturnType<typeof startTestEmulator>>;
let home: TempHome;

beforeAll(async () => {
  emulator = await startTestEmulator({ tokens: [TOKEN], seedProjects: ITEMS });
  home = tempHome();
}, 60_000);
afterAll(async () => {
  await emulator.close();
  home.cleanup();
});

describe('cmlsh call --all with 30,000 items', () => {
  // 16 MB of old space holds a few pages but not 30,000 projects: buffering them all
  // would end in "heap out of memory", so finishing proves the output streams.
  const env = () =>
    home.env({ CML_HOST: emulator.url, CML_API_KEY: TOKEN, NODE_OPTIONS: '--max-old-space-size=16' });

  it('streams jsonl in a small heap, every item exactly once', async () => {
    const result = await runCmlsh(
      ['call', 'listProjects', '--all', '--page-size', '500', '-o', 'jsonl'],
      env(),
    );
    expect(result.code, result.stderr.slice(0, 500)).toBe(0);
    const ids = result.stdout
      .trimEnd()
      .split('\n')
      .map((line) => JSON.parse(line).id as string);
    expect(ids).toHaveLength(ITEMS);
    expect(new Set(ids).size).toBe(ITEMS);
  }, 60_000);

  it('streams a valid JSON array in a small heap', async () => {
    const result = await runCmlsh(['call', 'listProjects', '--all', '--page-size', '500'], env());
    expect(result.code, result.stderr.slice(0, 500)).toBe(0);
    expect(JSON.parse(result.stdout)).toHaveLength(ITEMS);
    expect(home.filesContaining(TOKEN)).toEqual([]);
  }, 60_000);
});
