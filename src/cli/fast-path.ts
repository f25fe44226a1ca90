import { type FlagSpec, SHELL_FLAGS, type ShellArgs } from './options.js';

/**
 * Parses a command line that only starts the shell with simple flags (`cmlsh`,
 * `cmlsh --demo`, `cmlsh --profile work -e "..."`), so that yargs (~65 ms) is not loaded
 * just to start the shell. Returns undefined for anything else (a command, --help, an
 * unknown or repeated flag, a malformed value): yargs then handles it, errors included.
 */
export function parseShellFast(argv: readonly string[]): ShellArgs | undefined {
  const byName = new Map<string, [string, FlagSpec]>();
  for (const [name, spec] of Object.entries(SHELL_FLAGS) as [string, FlagSpec][]) {
    byName.set(`--${name}`, [name, spec]);
    if (spec.alias) byName.set(`-${spec.alias}`, [name, spec]);
  }
  const result: Record<string, string | number | boolean> = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    const eq = arg.startsWith('--') ? arg.indexOf('=') : -1;
    const flag = eq > 0 ? arg.slice(0, eq) : arg;
    const found = byName.get(flag);
    if (!found) return undefined;
    const [name, spec] = found;
    if (name in result) return undefined;
    if (spec.type === 'boolean') {
      if (eq > 0) return undefined;
      result[name] = true;
      continue;
    }
    const value = eq > 0 ? arg.slice(eq + 1) : argv[++i];
    if (value === undefined || (eq < 0 && value.startsWith('-') && spec.type !== 'number')) return undefined;
    if (spec.type === 'number') {
      const number = Number(value);
      if (!Number.isFinite(number) || value.trim() === '') return undefined;
      result[name] = number;
    } else {
      result[name] = value;
    }
  }
  return result as ShellArgs;
}
