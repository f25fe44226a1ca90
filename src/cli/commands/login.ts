import type { CommandModule } from 'yargs';
import {
  checkProfileName,
  checkToken,
  keychainStore,
  promptSecret,
  readProfiles,
  readStdinSecret,
  type SecretStore,
  writeProfiles,
} from '../../auth/index.js';
import { normaliseHost } from '../../client/host.js';
import { createTlsWire } from '../../client/tls-wire.js';
import { CmlConfigError } from '../../errors/index.js';
import { CONNECTION_FLAGS, type FlagSpec } from '../options.js';
import { reportError, warn } from '../report-error.js';
import { validateKey } from '../validate-key.js';
import { addFlags } from '../yargs-flags.js';

interface LoginArgs {
  readonly host?: string | undefined;
  readonly profile?: string | undefined;
  readonly 'token-stdin'?: boolean | undefined;
  readonly 'ca-cert'?: string | undefined;
  readonly insecure?: boolean | undefined;
  readonly timeout?: number | undefined;
  readonly verbose?: boolean | undefined;
}

/** login's flags: the connection flags it uses, with what they mean for login. */
const LOGIN_FLAGS = {
  host: { ...CONNECTION_FLAGS.host, describe: "Workspace URL (default: the profile's, or CML_HOST)" },
  profile: {
    ...CONNECTION_FLAGS.profile,
    describe: 'Profile name (default: the default profile, or "default")',
  },
  'token-stdin': { type: 'boolean', describe: 'Read the API key from stdin instead of prompting' },
  'ca-cert': CONNECTION_FLAGS['ca-cert'],
  insecure: CONNECTION_FLAGS.insecure,
  timeout: CONNECTION_FLAGS.timeout,
  verbose: { type: 'boolean', describe: 'Print requests to stderr' },
} as const satisfies Record<string, FlagSpec>;

/**
 * `cmlsh login`: checks an API key against the workspace first, and only then keeps it in
 * the system keychain and the host in the config (never the key). A rejected key leaves
 * everything as it was. The keychain is asked before the key is: where there is none, the
 * user learns it (and the alternatives) before typing a key for nothing.
 */
export const loginCommand: CommandModule<object, LoginArgs> = {
  command: 'login',
  describe: 'Save an API key in the system keychain (checked against the workspace first)',
  builder: (yargs) =>
    addFlags(yargs, LOGIN_FLAGS, 'Login:').example([
      ['$0 login --host ml-1234.example.site', 'Prompts for the key (not echoed)'],
      ['pass cml-key | $0 login --host ml-1234.example.site --profile work --token-stdin', 'Key from a pipe'],
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
      const keychain = keychainStore();
      await requireKeychain(keychain, name, host);
      const token = checkToken(
        args['token-stdin'] ? await readStdinSecret() : await promptSecret(`API key for ${host}: `),
        args['token-stdin'] ? '--token-stdin' : 'the prompt',
        args['token-stdin'] ? 'pipe in the key alone' : undefined,
      );
      const wire = await createTlsWire({
        caCert: args['ca-cert'],
        insecure: args.insecure,
        onWarning: warn,
      });
      const user = await validateKey(
        {
          host,
          token,
          ...(wire ? { wire } : {}),
          ...(args.timeout !== undefined ? { timeoutMs: args.timeout } : {}),
        },
        args.verbose,
      );
      await keychain.set(name, token);
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

/**
 * Asks the keychain before the user types a key: reading is enough to learn whether one
 * answers. Where none does, says so and how to use the key without storing it.
 * @throws CmlConfigError (exit 2)
 */
async function requireKeychain(keychain: SecretStore, name: string, host: string): Promise<void> {
  try {
    await keychain.get(name);
  } catch (error) {
    if (!(error instanceof CmlConfigError)) throw error;
    const reason =
      error.cause instanceof Error ? ` (${error.cause.message.replace(/\s+/g, ' ').trim()})` : '';
    throw new CmlConfigError(
      `No keychain is available to store the key in${reason}, so login cannot keep it. Give the key to each command instead: set CML_HOST=${host} and CML_API_KEY, or pass --host ${host} --token-stdin`,
      { cause: error },
    );
  }
}
