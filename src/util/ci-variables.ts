/**
 * The variables ink (through is-in-ci and chalk's supports-color) reads as it loads to tell
 * a build log from a terminal. tui/entry.ts takes them out of process.env while it imports
 * ink, because the browser only ever draws on a terminal; the shell holds a line back while
 * that import runs (repl/browser-preload.ts), so that code typed never sees them gone.
 */
export const CI_VARIABLES = ['CI', 'CONTINUOUS_INTEGRATION'] as const;

/** Whether loading ink takes anything out of process.env (any of CI_VARIABLES is set). */
export function ciVariablesSet(env: NodeJS.ProcessEnv = process.env): boolean {
  return CI_VARIABLES.some((name) => name in env);
}
