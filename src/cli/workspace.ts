/**
 * The commands that talk to a workspace, as one module: main.ts imports it in one step, so
 * the shell, `call`, `browse` and `run` load their code as a few chunks rather than as the dozens
 * the bundler would split it into at each lazy import (docs/performance.md).
 */
export { reportError } from './report-error.js';
export { runBrowseCommand } from './run-browse.js';
export { runCallCommand } from './run-call.js';
export { runFileCommand } from './run-file.js';
export { runShell } from './run-shell.js';
