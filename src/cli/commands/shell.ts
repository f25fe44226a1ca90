import type { CommandModule } from 'yargs';
import { SHELL_FLAGS, type ShellArgs } from '../options.js';
import { reportError } from '../report-error.js';
import { runShell } from '../run-shell.js';
import { addFlags } from '../yargs-flags.js';

/** `cmlsh [flags]`: the interactive shell (default command). */
export const shellCommand: CommandModule<object, ShellArgs> = {
  command: '$0',
  describe: 'Start the interactive shell (or run -e CODE once)',
  builder: (yargs) =>
    addFlags(yargs, SHELL_FLAGS, 'Shell:').example([
      ['$0 --demo', 'Try it against a local emulator with demo data'],
      ['$0 --demo -e "await api.listProjects({pageSize:2})"', 'Run one line and print the result'],
      ['$0 --profile work', 'Use a profile saved by `cmlsh login`'],
    ]) as never,
  handler: async (args) => {
    try {
      await runShell(args);
    } catch (error) {
      reportError(error, { json: args.json ?? false, verbose: args.verbose ?? false });
    }
  },
};
