import yargs, { type Argv, type CommandModule } from 'yargs';
import type { Operation } from '../spec/index.js';
import { COMMANDS, commandName } from './command-list.js';
import { parameterFlags } from './flag-terms.js';

/** Commands whose first positional word is an operation name. */
const OPERATION_COMMANDS = new Set(['call', 'describe', 'browse']);
/** Commands that take the operation's parameters as flags. */
const PARAMETER_COMMANDS = new Set(['call', 'browse']);

/** A flag as completion needs it: does a value follow, and which values are allowed. */
interface FlagInfo {
  readonly takesValue: boolean;
  readonly choices: readonly string[];
}

/** The flag values typed so far (`--host URL`), by long name without dashes. */
export type TypedFlags = ReadonlyMap<string, string>;

/** Operation names for `call <Tab>` and friends, given the flags typed so far and the word. */
export type OperationNames = (flags: TypedFlags, current: string) => Promise<readonly string[]>;

/** The operation a typed name stands for, to complete its own flags (`call listJobs --<Tab>`). */
export type FindOperation = (flags: TypedFlags, name: string) => Promise<Operation | undefined>;

/** What yargs keeps about declared options; not in @types/yargs. */
interface DeclaredOptions {
  readonly key: Record<string, unknown>;
  readonly boolean: readonly string[];
  readonly alias: Record<string, readonly string[]>;
  readonly choices: Record<string, readonly string[]>;
  readonly hiddenOptions: readonly string[];
}

/**
 * Answers a Tab press the way yargs' completion script asks: `words` are what follows
 * `--get-yargs-completions` (the program name, the words before the cursor, the word being
 * completed last). Candidates are commands, the flags of the command at hand (`--output`,
 * `-o`, never `$0`), the choices of a flag waiting for its value, and operation names for
 * `call`, `describe` and `browse`, and after an operation name its own flags (`call
 * listJobs --<Tab>`: `--project-id`, `--search-filter`…). Nothing here touches the network.
 */
export async function completeWords(
  words: readonly string[],
  operations: OperationNames,
  findOperation?: FindOperation,
): Promise<string[]> {
  const args = words.slice(1);
  const current = args.at(-1) ?? '';
  let command: CommandModule<object, unknown> | undefined;
  let flags = flagsOf(COMMANDS[0]);
  const typed = new Map<string, string>();
  let pending: { name: string; info: FlagInfo } | undefined;
  let positionals = 0;
  for (const word of args.slice(0, -1)) {
    if (pending) {
      typed.set(pending.name, word);
      pending = undefined;
    } else if (word.startsWith('-') && word !== '-') {
      const [flag = '', value] = word.split(/=(.*)/s, 2);
      const info = flags.get(flag);
      const name = flag.replace(/^-+/, '');
      if (value !== undefined) typed.set(name, value);
      else if (info?.takesValue) pending = { name, info };
    } else if (!command && positionals === 0 && COMMANDS.some((m) => commandName(m) === word)) {
      command = COMMANDS.find((m) => commandName(m) === word);
      flags = flagsOf(command);
    } else {
      if (positionals === 0 && findOperation && command && PARAMETER_COMMANDS.has(commandName(command))) {
        const op = await findOperation(typed, word).catch(() => undefined);
        try {
          if (op) flags = withParameterFlags(flags, op);
        } catch {
          // A cached spec damaged where this operation is read: completion goes on without its flags.
        }
      }
      positionals++;
    }
  }
  const starting = (candidate: string) => candidate.startsWith(current);
  if (pending) return pending.info.choices.filter(starting);
  const used = new Set(args.slice(0, -1));
  const flagNames = () => [...flags.keys()].filter((flag) => starting(flag) && !used.has(flag));
  if (current.startsWith('-')) return flagNames();
  if (!command)
    return positionals === 0 ? COMMANDS.map(commandName).filter((n) => n !== '$0' && starting(n)) : [];
  if (OPERATION_COMMANDS.has(commandName(command)) && positionals === 0) {
    return (await operations(typed, current)).filter(starting);
  }
  return current === '' ? flagNames() : [];
}

/** The operation's own flags (`--project-id`, enum values as choices), then the command's. */
function withParameterFlags(flags: Map<string, FlagInfo>, op: Operation): Map<string, FlagInfo> {
  const all = new Map<string, FlagInfo>();
  for (const { flag, param } of parameterFlags(op)) {
    if (flags.has(flag)) continue;
    const choices = param.enum ?? (param.type === 'boolean' ? ['true', 'false'] : []);
    all.set(flag, { takesValue: true, choices });
  }
  for (const [flag, info] of flags) all.set(flag, info);
  return all;
}

/** The flags a command declares, read by running its builder on a blank parser. */
function flagsOf(module: CommandModule<object, unknown> | undefined): Map<string, FlagInfo> {
  const parser = yargs([]).help().version();
  const builder = module?.builder;
  const built = (typeof builder === 'function' ? builder(parser) : parser) as Argv;
  const options = (built as unknown as { getOptions(): DeclaredOptions }).getOptions();
  // Positionals (`<operation>`, `[filter..]`) and aliases are keys too; an alias is listed
  // with the flag it stands for, so that it shares its choices.
  const skip = new Set([
    ...options.hiddenOptions,
    ...Object.values(options.alias).flat(),
    ...[...String(module?.command ?? '').matchAll(/[<[]([\w-]+)/g)].map((match) => match[1] ?? ''),
  ]);
  const flags = new Map<string, FlagInfo>();
  for (const name of Object.keys(options.key)) {
    if (skip.has(name)) continue;
    const info: FlagInfo = {
      takesValue: !options.boolean.includes(name),
      choices: options.choices[name] ?? [],
    };
    for (const spelling of [name, ...(options.alias[name] ?? [])]) {
      flags.set(spelling.length === 1 ? `-${spelling}` : `--${spelling}`, info);
    }
  }
  return flags;
}
