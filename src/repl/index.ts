/**
 * repl/: the interactive shell (`cmlsh`) and one-shot scripts (`cmlsh -e`). Node's REPL
 * with `api` in scope, completion from the spec, tables for people, one-line errors,
 * Ctrl+C cancellation and private history. The browser (tui/) loads only when used.
 */

export {
  type CompletionContext,
  type CompletionResult,
  completeLine,
  completionContext,
} from './completion.js';
export { bytesSummary, formatResult, type ResultFormat, toJsonText } from './format-result.js';
export { formatTable, type TableOptions } from './format-table.js';
export { filterHistory } from './history.js';
export { compileScript, runScript } from './run-script.js';
export { isSecretLine, redactSecrets } from './secrets.js';
export { SeenIds } from './seen-ids.js';
export type { ScriptOptions, ShellConnectOptions, ShellOptions } from './shell-options.js';
export { startShell } from './start-shell.js';
