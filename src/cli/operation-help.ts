import yargsLike, { type Argv, type CommandModule } from 'yargs';
import type { Operation } from '../spec/index.js';
import { commandName } from './command-list.js';
import { parameterFlags } from './flag-terms.js';

/** Commands whose `--help` after an operation name lists that operation's flags. */
const PARAMETER_COMMANDS = new Set(['call', 'browse']);

/** `--spec`, `--host` and `--profile` as typed: what decides which spec the help reads. */
function typedFlags(argv: readonly string[]): Map<string, string> {
  const typed = new Map<string, string>();
  argv.forEach((word, i) => {
    const [flag, inline] = word.split(/=(.*)/s, 2);
    const name = flag?.replace(/^--/, '');
    if (name !== 'spec' && name !== 'host' && name !== 'profile') return;
    const value = inline ?? argv[i + 1];
    if (value !== undefined) typed.set(name, value);
  });
  return typed;
}

/**
 * For `cmlsh call OP --help` (and `browse`): the commands with that one's builder also
 * declaring the operation's parameters, in a group of their own, so yargs' help lists them
 * beside the command's flags. Read from the offline spec (no network); any other command
 * line gets the commands as they are.
 */
export async function withOperationHelp(
  argv: readonly string[],
  commands: readonly CommandModule<object, unknown>[],
): Promise<readonly CommandModule<object, unknown>[]> {
  const [command, name] = argv;
  if (!command || !PARAMETER_COMMANDS.has(command) || !name || name.startsWith('-')) return commands;
  if (!argv.includes('--help') && !argv.includes('-h')) return commands;
  const { offlineOperation } = await import('./operation-names.js');
  const op = await offlineOperation(typedFlags(argv), name).catch(() => undefined);
  if (!op) return commands;
  return commands.map((module) =>
    commandName(module) === command ? { ...module, builder: withParameters(module, op) } : module,
  );
}

function withParameters(module: CommandModule<object, unknown>, op: Operation) {
  const build = (yargs: Argv): Argv => {
    const builder = module.builder;
    return (typeof builder === 'function' ? builder(yargs) : yargs) as Argv;
  };
  return (yargs: Argv): Argv => {
    // The command's own flags win a name both have (`--page-size`); its parameters come first.
    const own = build(yargsLike()) as unknown as { getOptions(): { key: object } };
    const declared = new Set(Object.keys(own.getOptions().key));
    const group = `Parameters of ${op.name} (${op.method} ${op.path}):`;
    let built = yargs;
    for (const { flag, param } of parameterFlags(op)) {
      const key = flag.slice(2);
      if (declared.has(key)) continue;
      const kind = [param.type === 'string' ? '' : param.type, param.in === 'body' ? 'body field' : param.in]
        .filter(Boolean)
        .join(', ');
      const values = param.enum?.length ? ` One of ${param.enum.join(', ')}.` : '';
      const text = (param.description ?? '').split('\n')[0]?.trim() ?? '';
      built = built.option(key, {
        type: 'string',
        group,
        describe: `${param.required ? '[required] ' : ''}${kind}${text ? `: ${text}` : ''}${values}`,
      });
    }
    return build(built).usage(
      `cmlsh ${commandName(module)} ${op.name} [flags]\n\n${op.summary || op.description}`,
    );
  };
}
