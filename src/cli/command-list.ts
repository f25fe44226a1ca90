import type { CommandModule } from 'yargs';
import { browseCommand } from './commands/browse.js';
import { callCommand } from './commands/call.js';
import { completionCommand } from './commands/completion.js';
import { describeCommand } from './commands/describe.js';
import { loginCommand } from './commands/login.js';
import { logoutCommand } from './commands/logout.js';
import { opsCommand } from './commands/ops.js';
import { profilesCommand } from './commands/profiles.js';
import { runCommand } from './commands/run.js';
import { serveCommand } from './commands/serve.js';
import { shellCommand } from './commands/shell.js';
import { waitCommand } from './commands/wait.js';
import { whoamiCommand } from './commands/whoami.js';

/** Every command of the command line, the default one (the shell) first. */
// biome-ignore lint/suspicious/noExplicitAny: modules differ in their argument types.
export const COMMANDS: readonly CommandModule<object, any>[] = [
  shellCommand,
  callCommand,
  opsCommand,
  describeCommand,
  browseCommand,
  waitCommand,
  runCommand,
  serveCommand,
  loginCommand,
  logoutCommand,
  whoamiCommand,
  profilesCommand,
  completionCommand,
];

/** The words that name a command (`$0` is none): what a first positional word must be. */
export const COMMAND_NAMES = COMMANDS.map((module) => commandName(module)).filter((name) => name !== '$0');

/** The first word of a command's usage: `call` of `call <operation>`. */
export function commandName(module: CommandModule<object, unknown>): string {
  return String(module.command).split(' ')[0] ?? '';
}
