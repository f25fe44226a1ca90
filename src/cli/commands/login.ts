import type { CommandModule } from 'yargs';
import {
  checkProfileName,
  keychainStore,
  promptSecret,
  readProfiles,
  readStdinSecret,
  writeProfiles,
} from '../../auth/index.js';
import { normaliseHost } from '../../client/host.js';
import { createTlsFetch } from '../../client/tls-fetch.js';
import { CmlConfigError } from '../../errors/index.js';
import { reportError, warn } from '../report-error.js';
import { validateKey } from '../validate-key.js';

interface LoginArgs {
  readonly host?: string | undefined;
  readonly profile?: string | undefined;
  readonly 'token-stdin'?: boolean | undefined;
  readonly 'ca-cert'?: string | undefined;
  readonly insecure?: boolean | undefined;
  readonly timeout?: number | undefined;
  readonly verbose?: boolean | undefined;
}

/**
 * `cmlsh login`: checks an API key against the workspace first, and only then keeps it in
 * the system keychain and the host in the config (never the key). A rejected key leaves
 * everything as it was.
 */
export const loginCommand: CommandModule<object, LoginArgs> = {
  command: 'login',
  describe: 'Save an API key in the system keychain (checked against the workspace first)',
  builder: (yargs) =>
    yargs
      .option('host', { type: 'string', describe: "Workspace URL (default: the profile's, or CML_HOST)" })
      .option('profile', {
        type: 'string',
        describe: 'Profile name (default: the default profile, or "default")',
      })
      .option('token-stdin', {
        type: 'boolean',
        describe: 'Read the API key from stdin instead of prompting',
      })
      .option('ca-cert', { type: 'string', describe: 'Also trust this PEM CA bundle' })
      .option('insecure', { type: 'boolean', describe: 'Do not verify the TLS certificate (unsafe)' })
      .option('timeout', { type: 'number', describe: 'Request timeout in ms' })
      .option('verbose', { type: 'boolean', describe: 'Print requests to stderr' })
      .example([
        ['$0 login --host ml-1234.example.site', 'Prompts for the key (not echoed)'],
        [
          'pass cml-key | $0 login --host ml-1234.example.site --profile work --token-stdin',
          'Key from a pipe',
        ],
      ]) as never,
  handler: async (args) => {
    try {
      const config = await readProfiles();
      const name = checkProfileName(args.profile ?? config.defaultProfile ?? 'default');
      const hostInput = args.host ?? process.env.CML_HOST ?? config.profiles[name]?.host;
      if (!hostInput) {
        throw new CmlConfigError(
          `login needs the workspace: give --host URL (or set CML_HOST) for profile "${name}"`,
        );
      }
      const host = normaliseHost(hostInput);
      const token = args['token-stdin']
        ? await readStdinSecret()
        : await promptSecret(`API key for ${host}: `);
      const fetch = await createTlsFetch({
        caCert: args['ca-cert'],
        insecure: args.insecure,
        onWarning: warn,
      });
      const user = await validateKey(
        {
          host,
          token,
          ...(fetch ? { fetch } : {}),
          ...(args.timeout !== undefined ? { timeoutMs: args.timeout } : {}),
        },
        args.verbose,
      );
      await keychainStore().set(name, token);
      await writeProfiles({
        defaultProfile: config.defaultProfile ?? name,
        profiles: { ...config.profiles, [name]: { host } },
      });
      process.stdout.write(`Logged in to ${host} as ${user} (profile ${name})\n`);
    } catch (error) {
      reportError(error, { verbose: args.verbose ?? false });
    }
  },
};
