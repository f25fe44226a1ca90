import type { CommandModule } from 'yargs';
import type { CredentialSource } from '../../auth/index.js';
import { maskSecret } from '../../client/index.js';
import { resolveConnection } from '../connection.js';
import { CONNECTION_FLAGS, type ConnectionArgs } from '../options.js';
import { reportError } from '../report-error.js';
import { validateKey } from '../validate-key.js';
import { addFlags } from '../yargs-flags.js';

const SOURCES: Record<CredentialSource, string> = {
  flag: 'command line',
  stdin: '--token-stdin',
  env: 'environment (CML_HOST / CML_API_KEY)',
  'cml-session': 'CML session (CDSW_*)',
  profile: 'profile',
};

/** `cmlsh whoami`: who the key belongs to, on which workspace, from where (key masked). */
export const whoamiCommand: CommandModule<object, ConnectionArgs> = {
  command: 'whoami',
  describe: 'Show the user, host and profile the current key belongs to',
  builder: (yargs) => addFlags(yargs, CONNECTION_FLAGS, 'Connection:') as never,
  handler: async (args) => {
    try {
      const { credentials, connect } = await resolveConnection(args);
      const user = await validateKey(connect, args.verbose);
      const lines = [
        `user     ${user}`,
        `host     ${credentials.host}  (from ${SOURCES[credentials.hostSource]})`,
        `profile  ${credentials.profile ?? '(none)'}`,
        `token    ${maskSecret(credentials.token)}  (from ${SOURCES[credentials.tokenSource]})`,
      ];
      process.stdout.write(`${lines.join('\n')}\n`);
    } catch (error) {
      reportError(error, { verbose: args.verbose ?? false });
    }
  },
};
