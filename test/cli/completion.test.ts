import { afterEach, describe, expect, it } from 'vitest';
import { runCmlsh, type TempHome, tempHome } from './run-cmlsh.js';

let home: TempHome;

function env(extra: Record<string, string> = {}) {
  home = tempHome();
  return home.env(extra);
}

afterEach(() => home.cleanup());

describe('cmlsh completion', () => {
  it('prints the bash script that asks cmlsh on Tab', async () => {
    const result = await runCmlsh(['completion'], env({ SHELL: '/bin/bash' }));
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain('# Installation: cmlsh completion >> ~/.bashrc');
    expect(result.stdout).toContain('cmlsh --get-yargs-completions "$');
    expect(result.stdout).toContain('complete -o bashdefault -o default -F _cmlsh_yargs_completions cmlsh');
  });

  it('--help is help, not the script', async () => {
    const result = await runCmlsh(['completion', '--help'], env());
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/^cmlsh completion\n/);
    expect(result.stdout).toContain('Print a bash/zsh completion script');
    expect(result.stdout).toContain('cmlsh completion >> ~/.bashrc');
    expect(result.stdout).not.toContain('COMP_WORDS');
  });
});
