import yargs from 'yargs';
import { CmlUsageError } from '../errors/index.js';
import { didYouMean } from '../util/suggest.js';
import { COMMAND_NAMES, COMMANDS } from './command-list.js';
import { withOperationHelp } from './operation-help.js';
import { reportError } from './report-error.js';
import { VERSION } from './version.js';
import { refuseRepeatedFlags } from './yargs-flags.js';

const EPILOG = `Environment:
  CML_HOST, CML_API_KEY        workspace and API key (after --host/--token, before profiles)
  CDSW_DOMAIN / CDSW_API_URL   inside a CML session, with CDSW_APIV2_KEY: no setup needed
  HTTPS_PROXY, NO_PROXY        proxy settings
  NODE_EXTRA_CA_CERTS          extra trusted CA certificates (or --ca-cert FILE)
Exit codes: 0 success, 1 API or network error, 2 usage or configuration error, 130 interrupted.`;

/**
 * The full command line, through yargs: every command, --help for each, and
 * `cmlsh completion` (bash/zsh). Errors are reported by the commands; yargs' own (unknown
 * command or flag, missing argument) are usage errors, exit 2, raised before any handler runs.
 */
export async function runCli(argv: readonly string[]): Promise<void> {
  try {
    await buildParser(argv, await withOperationHelp(argv, COMMANDS)).parseAsync();
  } catch (error) {
    reportError(error);
  }
}

/** The yargs parser of the whole command line; tests swap in their own `commands`. */
export function buildParser(argv: readonly string[], commands: typeof COMMANDS = COMMANDS) {
  let parser = yargs([...argv])
    .scriptName('cmlsh')
    .parserConfiguration({
      // Parameter flags of `call` are kept as typed (--project-id, --job.id, "0012") and
      // converted by the spec, not by the parser.
      'camel-case-expansion': false,
      'dot-notation': false,
      'parse-numbers': false,
      'parse-positional-numbers': false,
    })
    // Before validation, so a mistyped command never reaches the default command (the shell).
    .middleware(rejectUnknownCommand, true)
    .middleware(refuseRepeatedFlags as never);
  for (const command of commands) parser = parser.command(command);
  return parser
    .strict()
    .version(VERSION)
    .help()
    .alias('h', 'help')
    .wrap(Math.min(110, process.stdout.columns || 100))
    .epilog(EPILOG)
    .fail((message, error) => {
      // Thrown, not printed: yargs goes on to the handler after a fail callback that returns.
      if (error && error.name !== 'YError') throw error;
      throw new CmlUsageError(`${message ?? error?.message ?? 'Invalid command line'}. See cmlsh --help`);
    });
}

function rejectUnknownCommand(argv: { _: (string | number)[] }): void {
  const word = argv._[0];
  if (word === undefined || COMMAND_NAMES.includes(String(word))) return;
  throw new CmlUsageError(
    `Unknown command "${word}".${didYouMean(String(word), COMMAND_NAMES)} See cmlsh --help`,
  );
}
