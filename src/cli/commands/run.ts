import type { CommandModule } from 'yargs';
import { CONNECTION_FLAGS, DEMO_FLAGS } from '../options.js';
import { runFileCommand } from '../run-file.js';
import { addFlags } from '../yargs-flags.js';

/**
 * `cmlsh run FILE [args..]`, for its help and completion; main.ts runs it without yargs
 * (run-file.ts), so that the words after FILE are the script's, flags or not.
 */
export const runCommand: CommandModule<object, { script: string }> = {
  command: 'run <script> [args..]',
  describe:
    'Run a JavaScript file with api and cmlapi ready (top-level await; args after the file are its own)',
  builder: (yargs) =>
    addFlags(addFlags(yargs, DEMO_FLAGS, 'Run:'), CONNECTION_FLAGS, 'Connection:')
      .positional('script', { type: 'string', describe: 'The script: a .js file' })
      .positional('args', { type: 'string', describe: 'Its arguments: `args` in the script' })
      .example([
        ['$0 run nightly.js', 'Run a script against the workspace of the profile or CML_HOST'],
        ['$0 run --demo report.js 2026-01', 'Against the demo emulator; args is ["2026-01"]'],
      ]) as never,
  handler: () => runFileCommand(process.argv.slice(process.argv.indexOf('run') + 1)),
};
