import { BROWSE_COMMAND, type BrowseInvocation } from './browse-args.js';
import { CALL_COMMAND, type CallInvocation } from './call-args.js';
import { flagValue } from './flag-value.js';
import type { OperationCommand, OperationInvocation } from './operation-args.js';
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
 * (~110 ms, most of it help text rendered just in case). Returns undefined for anything
 * yargs is to handle (see parseOperationFast), and for a bad output format.
 */
export function parseCallFast(argv: readonly string[]): CallInvocation | undefined {
  const call = parseOperationFast<CallInvocation['args']>(argv, CALL_COMMAND);
  const output = call?.args.output;
  if (output !== undefined && !(OUTPUT_FORMATS as readonly unknown[]).includes(output)) return undefined;
  return call;
}

/**
 * Parses `cmlsh browse <operation>` followed only by `--flag value`, `--flag=value` and
 * `browse`'s boolean flags, into what `browseCommand`'s handler would get from yargs, which
 * costs the browser's first row 35-50 ms (loading it, its help text rendered just in case).
 * Returns undefined for anything yargs is to handle (see parseOperationFast).
 */
export function parseBrowseFast(argv: readonly string[]): BrowseInvocation | undefined {
  return parseOperationFast<BrowseInvocation['args']>(argv, BROWSE_COMMAND);
}

/**
 * `<word> <operation>` followed only by `--flag value`, `--flag=value`, a short alias of
 * the command's table with a value, and the command's boolean flags: the command's flags
 * by their table names, every other flag a parameter flag, a repeated parameter flag an
 * array, as in yargs. Returns undefined for anything else (--help, a flag before the word,
 * a flag without a value, `--no-x`, a repeated flag of the command, a value starting with
 * `-`, a value flagValue refuses): yargs then handles it, errors included.
 */
function parseOperationFast<Args>(
  argv: readonly string[],
  command: OperationCommand,
): OperationInvocation<Args> | undefined {
  const [word, operation, ...rest] = argv;
  if (word !== command.word || operation === undefined || operation.startsWith('-')) return undefined;
  const aliases = new Map<string, string>();
  for (const [name, spec] of Object.entries(command.flags))
    if (spec.alias) aliases.set(`-${spec.alias}`, name);
  const args: Record<string, string | number | boolean> = { operation };
  const paramFlags: Record<string, unknown> = {};
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i] ?? '';
    const eq = arg.startsWith('--') ? arg.indexOf('=') : -1;
    const name = aliases.get(arg) ?? (arg.startsWith('--') ? arg.slice(2, eq < 0 ? undefined : eq) : '');
    // Plain names only: yargs reads `--no-x` as x=false, and `__proto__` and friends specially.
    if (!/^[A-Za-z][\w.-]*$/.test(name) || name.startsWith('no-') || name in Object.prototype)
      return undefined;
    const spec = Object.hasOwn(command.flags, name) ? command.flags[name] : undefined;
    if (spec ? name in args : command.keys.has(name)) return undefined;
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
  return { args: args as Args, paramFlags };
}
