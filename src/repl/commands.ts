import type { REPLServer } from 'node:repl';
import type { OperationIndex, SeenValue } from '../api/index.js';
import { helpText } from '../api/index.js';
import { describeError } from '../errors/index.js';
import { safeText } from '../present/index.js';
import type { ApiSpec } from '../spec/index.js';
import { codeText, type LastCall } from './code-command.js';
import { opsText } from './ops-text.js';

/** What the dot-commands need from the shell. */
export interface CommandDeps {
  readonly spec: ApiSpec;
  readonly operations: OperationIndex;
  readonly width: () => number;
  /** The newest id seen for a parameter, for help examples that run when copied. */
  readonly seen: SeenValue;
  readonly toggleJson: () => boolean;
  /** The last call the person made (not completion's background calls). */
  readonly lastCall: () => LastCall | undefined;
  readonly baseUrl: string;
  /** Fetches the workspace's spec again and rebuilds `api`; says what is in use now. */
  readonly reload?: (() => Promise<string>) | undefined;
}

/**
 * Adds `.ops [filter]`, `.help <operation>`, `.json`, `.next`, `.reload` and `.code [form]` to Node's commands.
 * `.help` alone still prints Node's list (which now includes ours); `.exit` and `.editor`
 * stay as Node defines them.
 */
export function defineCommands(repl: REPLServer, deps: CommandDeps): void {
  const nodeHelp = repl.commands.help;
  const print = (text: string) => repl.output.write(`${text}\n`);

  repl.defineCommand('ops', {
    help: 'List operations: .ops [words]   (name, method, path, summary)',
    action(filter: string) {
      const ops = deps.operations.search(filter);
      const rows = ops.map((op) => ({
        name: op.name,
        method: op.method,
        path: op.path,
        summary: op.summary,
      }));
      print(
        ops.length
          ? `${opsText(rows, deps.width())}\n${ops.length} of ${deps.spec.operations.length} operations`
          : `No operation matches "${filter}"`,
      );
      this.displayPrompt();
    },
  });

  repl.defineCommand('help', {
    help: 'Show this list, or one operation: .help <operation>',
    action(name: string) {
      if (!name.trim()) {
        nodeHelp?.action.call(this, '');
        return;
      }
      try {
        print(
          safeText(
            helpText(deps.operations.get(name.trim()), deps.spec, { width: deps.width(), seen: deps.seen }),
          ),
        );
      } catch (error) {
        print(safeText(describeError(error)));
      }
      this.displayPrompt();
    },
  });

  repl.defineCommand('json', {
    help: 'Toggle raw JSON output',
    action() {
      print(`JSON output ${deps.toggleJson() ? 'on' : 'off'}`);
      this.displayPrompt();
    },
  });

  repl.defineCommand('code', {
    help: 'The last call as code: .code [js|curl|python]   (curl reads $API_KEY)',
    action(form: string) {
      print(codeText(deps.lastCall(), form, deps.baseUrl));
      this.displayPrompt();
    },
  });

  repl.defineCommand('reload', {
    help: "Fetch the workspace's spec again (it is cached a day) and rebuild api",
    action() {
      this.clearBufferedCommand();
      const reload = deps.reload;
      if (!reload) {
        print('Nothing to reload: this shell was given its spec.');
        this.displayPrompt();
        return;
      }
      reload()
        .then(print, (error: unknown) => print(`Could not reload the spec: ${describeError(error)}`))
        .finally(() => this.displayPrompt());
    },
  });

  repl.defineCommand('next', {
    help: 'Fetch the next page of the last list (same as `it`)',
    action() {
      // Through the normal evaluation path, so Ctrl+C, `_` and error display behave as for `it`.
      this.clearBufferedCommand();
      this.emit('line', 'it');
    },
  });
}
