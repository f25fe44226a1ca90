import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { randomToken, runCmlsh, startTestEmulator, type TempHome, tempHome } from './run-cmlsh.js';

const TOKEN = randomToken('unknown');
let emulator: Awaited<ReturnType<typeof startTestEmulator>>;
let home: TempHome;

beforeAll(async () => {
  emulator = await startTestEmulator({ tokens: [TOKEN] });
});
afterAll(() => emulator.close());
afterEach(() => home.cleanup());

function env() {
  home = tempHome();
  return home.env({ CML_HOST: emulator.url, CML_API_KEY: TOKEN });
}

describe('a mistyped command', () => {
  it('is refused before anything starts: one line, exit 2, no banner, no request', async () => {
    const before = emulator.requestCount;
    const result = await runCmlsh(['frobnicate'], env());
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe('Unknown command "frobnicate". See cmlsh --help\n');
    expect(emulator.requestCount).toBe(before);
  });

  it('suggests the command it resembles, after shell flags too', async () => {
    for (const argv of [['lgoin'], ['--demo', 'lgoin']]) {
      const result = await runCmlsh(argv, env());
      expect(result.code, argv.join(' ')).toBe(2);
      expect(result.stdout).toBe('');
      expect(result.stderr).toBe('Unknown command "lgoin". Did you mean login? See cmlsh --help\n');
    }
  });

  it('an unknown flag of the shell is refused too, without starting it', async () => {
    const result = await runCmlsh(['--demo', '--bogus'], env());
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(result.stderr).toContain('Unknown argument: bogus');
  });
});
