import yargs from 'yargs';
import { CmlUsageError } from '../errors/index.js';
import { browseCommand } from './commands/browse.js';
import { callCommand } from './commands/call.js';
import { describeCommand } from './commands/describe.js';
import { loginCommand } from './commands/login.js';
import { logoutCommand } from './commands/logout.js';
import { opsCommand } from './commands/ops.js';
import { profilesCommand } from './commands/profiles.js';
import { serveCommand } from './commands/serve.js';
import { shellCommand } from './commands/shell.js';
import { whoamiCommand } from './commands/whoami.js';
import { reportError } from './report-error.js';
import { VERSION } from './version.js';

const EPILOG = `Environment:
  CML_HOST, CML_API_KEY        workspace and API key (after --host/--token, before profiles)
  CDSW_DOMAIN / CDSW_API_URL   inside a CML session, with CDSW_APIV2_KEY: no setup needed
  HTTPS_PROXY, NO_PROXY        proxy settings
  NODE_EXTRA_CA_CERTS          extra trusted CA certificates (or --ca-cert FILE)
Exit codes: 0 success, 1 API or network error, 2 usage or configuration error, 130 interrupted.`;

/**
 * The full command line, through yargs: every command, --help for each, and
 * `cmlsh completion` (bash/zsh). Errors are reported by the commands; yargs' own (unknown
 * command or flag, missing argument) are usage errors, exit 2.
 */
export async function runCli(argv: readonly string[]): Promise<void> {
  const parser = yargs([...argv])
    .scriptName('cmlsh')
    .parserConfiguration({
      // Parameter flags of `call` are kept as typed (--project-id, --job.id, "0012") and
      // converted by the spec, not by the parser.
      'camel-case-expansion': false,
      'dot-notation': false,
      'parse-numbers': false,
      'parse-positional-numbers': false,
    })
    .command(shellCommand)
    .command(callCommand)
    .command(opsCommand)
    .command(describeCommand)
    .command(browseCommand)
    .command(serveCommand)
    .command(loginCommand)
    .command(logoutCommand)
    .command(whoamiCommand)
    .command(profilesCommand)
    .completion('completion', 'Print a bash/zsh completion script (cmlsh completion >> ~/.bashrc)')
    .strict()
    .recommendCommands()
    .version(VERSION)
    .help()
    .alias('h', 'help')
    .wrap(Math.min(110, process.stdout.columns || 100))
    .epilog(EPILOG)
    .fail((message, error) => {
      if (error) {
        reportError(error);
        return;
      }
      reportError(new CmlUsageError(`${message ?? 'Invalid command line'}. See cmlsh --help`));
    });
  await parser.parseAsync();
}
