/**
 * cli/: the `cmlsh` command line (yargs, one command per file in commands/). Nothing
 * imports this folder; `bin/cmlsh` runs the bundle built from `main.ts`, which parses argv
 * (a fast path for the plain shell, yargs for the rest) and exits with the error's code.
 * It exports nothing for other layers.
 */
export {};
