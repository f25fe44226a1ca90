import type { CommandModule } from 'yargs';
import { OperationIndex } from '../../api/index.js';
import { safeLine } from '../../present/index.js';
import { opsText } from '../../repl/ops-text.js';
import { commandSpec } from '../command-spec.js';
import { CONNECTION_FLAGS, type ConnectionArgs } from '../options.js';
import { reportError } from '../report-error.js';
import { addFlags } from '../yargs-flags.js';

interface OpsArgs extends ConnectionArgs {
  readonly filter?: string[] | undefined;
  readonly json?: boolean | undefined;
}

/** `cmlsh ops [filter]`: the operations of the spec, as a table or JSON. */
export const opsCommand: CommandModule<object, OpsArgs> = {
  command: 'ops [filter..]',
  describe: 'List operations (every word of the filter must match name, path or summary)',
  builder: (yargs) =>
    addFlags(yargs, CONNECTION_FLAGS, 'Connection:')
      .positional('filter', { type: 'string', describe: 'Words to look for, e.g. "job run"' })
      .option('json', { type: 'boolean', describe: 'Print a JSON array' })
      .example([
        ['$0 ops project', 'Operations about projects'],
        ['$0 ops --json --spec swagger.json', 'Every operation of a spec file, no workspace needed'],
      ]) as never,
  handler: async (args) => {
    try {
      const spec = await commandSpec(args);
      const ops = new OperationIndex(spec.operations).search((args.filter ?? []).join(' '));
      if (args.json) {
        const rows = ops.map(({ name, pythonName, operationId, method, path, summary }) => ({
          name,
          pythonName,
          operationId,
          method,
          path,
          summary,
        }));
        process.stdout.write(`${JSON.stringify(rows, null, 2)}\n`);
        return;
      }
      if (ops.length && process.stdout.isTTY) {
        // On a terminal, the table `.ops` prints: paths whole, nothing wrapped mid-word.
        const rows = ops.map(({ name, method, path, summary }) => ({ name, method, path, summary }));
        process.stdout.write(`${opsText(rows, process.stdout.columns || 80)}\n`);
        return;
      }
      // In a pipe, one operation a line, for grep and cut.
      const width = Math.max(0, ...ops.map((op) => op.name.length));
      const lines = ops.map(
        // Spec text is shown, never obeyed by the terminal.
        (op) => safeLine(`${op.name.padEnd(width)}  ${op.method.padEnd(6)} ${op.path}  ${op.summary}`),
      );
      process.stdout.write(lines.length ? `${lines.join('\n')}\n` : '');
      if (!ops.length) process.stderr.write(`No operation matches "${(args.filter ?? []).join(' ')}"\n`);
    } catch (error) {
      reportError(error, { json: args.json ?? false });
    }
  },
};
