import type { CommandModule } from 'yargs';
import { API_META, type ApiMethod, connect } from '../../api/index.js';
import { hooks, resolveConnection } from '../connection.js';
import { CONNECTION_FLAGS, type ConnectionArgs } from '../options.js';
import { paramsFromFlags } from '../param-flags.js';
import { reportError } from '../report-error.js';
import { type ControllingTerminal, requireTerminal } from '../terminal.js';
import { addFlags, flagKeys } from '../yargs-flags.js';

interface BrowseArgs extends ConnectionArgs {
  readonly operation: string;
}

const KNOWN = flagKeys(CONNECTION_FLAGS, { operation: { type: 'string', describe: '' } });

/**
 * `cmlsh browse <operation>`: the answer in the full-screen browser (ink, loaded on demand).
 * The picked item is printed on stdout as JSON; when stdin or stdout is not a terminal
 * (`> picked.json`), the browser reads and draws on the controlling terminal instead.
 */
export const browseCommand: CommandModule<object, BrowseArgs> = {
  command: 'browse <operation>',
  describe: 'Browse the answer of one operation full-screen (lists page lazily)',
  builder: (yargs) =>
    addFlags(yargs, CONNECTION_FLAGS, 'Connection:')
      .positional('operation', { type: 'string', describe: 'Operation, e.g. listProjects' })
      .strict(false) as never,
  handler: async (args) => {
    const paramFlags: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(args)) if (!KNOWN.has(key)) paramFlags[key] = value;
    let terminal: ControllingTerminal | undefined;
    try {
      const stdio = process.stdin.isTTY && process.stdout.isTTY;
      // Found before connecting: without a screen to draw on, nothing else is worth doing.
      terminal = stdio ? undefined : requireTerminal(NO_TERMINAL);
      const { connect: options } = await resolveConnection(args);
      const { api, spec } = await connect({ ...options, ...hooks(args.verbose) });
      const op = api[API_META].operations.get(args.operation);
      const method = api[op.name] as ApiMethod;
      const callArgs = paramsFromFlags(op, paramFlags);
      const { browse } = await import('../../tui/entry.js');
      const picked = await browse(method(callArgs), {
        spec,
        api,
        ...(terminal ? { stdin: terminal.input, stdout: terminal.output } : {}),
      });
      if (picked !== undefined) process.stdout.write(`${JSON.stringify(picked, null, 2)}\n`);
    } catch (error) {
      reportError(error, { verbose: args.verbose ?? false });
    } finally {
      terminal?.close();
    }
  },
};

const NO_TERMINAL =
  'cmlsh browse needs a terminal to draw on, and there is none: use `cmlsh call` to print the answer instead';
