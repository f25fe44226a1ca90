import { CALL_COMMAND_FLAGS, CALL_KEYS, type CallInvocation } from './call-args.js';
import { flagValue } from './flag-value.js';
import { type FlagSpec, SHELL_FLAGS, type ShellArgs } from './options.js';
import { OUTPUT_FORMATS } from './output/formats.js';

/**
 * Parses a command line that only starts the shell with simple flags (`cmlsh`,
 * `cmlsh --demo`, `cmlsh --profile work -e "..."`), so that yargs (~65 ms) is not loaded
 * just to start the shell. Returns undefined for anything else (a command, --help, an
 * unknown or repeated flag, a value flagValue refuses): yargs then handles it, errors included.
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
    const checked = checkedValue(name, spec, value);
    if (checked === undefined) return undefined;
    result[name] = checked;
  }
  return result as ShellArgs;
}

/** The flag's value as yargs would pass it on, or undefined when yargs will refuse it. */
function checkedValue(name: string, spec: FlagSpec, text: string): string | number | undefined {
  try {
    return flagValue(name, spec, text) as string | number;
  } catch {
    return undefined;
  }
}

/**
 * Parses `cmlsh call <operation>` followed only by `--flag value`, `--flag=value`, `-o
 * value` and `call`'s boolean flags, into what `callCommand`'s handler would get from yargs
 * (~110 ms, most of it help text rendered just in case). A repeated parameter flag becomes
 * an array, as in yargs. Returns undefined for anything else (--help, a flag before `call`,
 * a flag without a value, `--no-x`, a repeated `call` flag, a value starting with `-`, a
 * value flagValue refuses, a bad output format): yargs then handles it, errors included.
 */
export function parseCallFast(argv: readonly string[]): CallInvocation | undefined {
  const [command, operation, ...rest] = argv;
  if (command !== 'call' || operation === undefined || operation.startsWith('-')) return undefined;
  const args: Record<string, string | number | boolean> = { operation };
  const paramFlags: Record<string, unknown> = {};
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i] ?? '';
    const eq = arg.startsWith('--') ? arg.indexOf('=') : -1;
    const name = arg === '-o' ? 'output' : arg.startsWith('--') ? arg.slice(2, eq < 0 ? undefined : eq) : '';
    // Plain names only: yargs reads `--no-x` as x=false, and `__proto__` and friends specially.
    if (!/^[A-Za-z][\w.-]*$/.test(name) || name.startsWith('no-') || name in Object.prototype)
      return undefined;
    const spec = Object.hasOwn(CALL_COMMAND_FLAGS, name) ? CALL_COMMAND_FLAGS[name] : undefined;
    if (spec ? name in args : CALL_KEYS.has(name)) return undefined;
    if (spec?.type === 'boolean') {
      if (eq > 0) return undefined;
      args[name] = true;
      continue;
    }
    const value = eq > 0 ? arg.slice(eq + 1) : rest[++i];
    if (value === undefined || (eq < 0 && value.startsWith('-'))) return undefined;
    if (!spec) {
      const before = paramFlags[name];
      paramFlags[name] = before === undefined ? value : [before, value].flat();
    } else {
      const checked = checkedValue(name, spec, value);
      if (checked === undefined) return undefined;
      args[name] = checked;
    }
  }
  const output = args.output;
  if (output !== undefined && !(OUTPUT_FORMATS as readonly unknown[]).includes(output)) return undefined;
  return { args: args as unknown as CallInvocation['args'], paramFlags };
}
