import { afterEach, describe, expect, it } from 'vitest';
import { REAL_SPEC_PATH } from '../helpers/real-spec.js';
import { runCmlsh, type TempHome, tempHome } from './run-cmlsh.js';

let home: TempHome;

function env() {
  home = tempHome();
  return home.env();
}

afterEach(() => home.cleanup());

describe('cmlsh --demo --spec FILE', () => {
  it('the shell has every operation of that spec (158 for the real one)', async () => {
    const names = "Object.keys(api).filter((name) => !name.includes('_')).length";
    const result = await runCmlsh(['--demo', '--spec', REAL_SPEC_PATH, '-e', names], env());
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout.trim()).toBe('158');
    const builtin = await runCmlsh(['--demo', '-e', names], env());
    expect(Number(builtin.stdout.trim())).toBeLessThan(158);
  });

  it('the emulator serves that spec: an operation only it has answers', async () => {
    const code = "Object.keys(await api.listRuntimeAddons({ pageSize: 1 })).includes('runtime_addons')";
    const builtin = await runCmlsh(['--demo', '-e', "'listRuntimeAddons' in api"], env());
    expect(builtin.stdout.trim()).toBe('false');
    const result = await runCmlsh(['--demo', '--spec', REAL_SPEC_PATH, '-e', code], env());
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout.trim()).toBe('true');
  });

  it('a spec that cannot be read is one line naming it, and no shell', async () => {
    const result = await runCmlsh(['--demo', '--spec', '/nonexistent/swagger.json', '-e', '1'], env());
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/^Cannot read the spec \/nonexistent\/swagger\.json: .*ENOENT.*\n$/);
  });
});
