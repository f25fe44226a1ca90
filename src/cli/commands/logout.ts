import type { CommandModule } from 'yargs';
import { checkProfileName, keychainStore, readProfiles } from '../../auth/index.js';
import { CmlConfigError } from '../../errors/index.js';
import { reportError } from '../report-error.js';

interface LogoutArgs {
  readonly profile?: string | undefined;
}

/** `cmlsh logout`: removes a profile's key from the keychain (its host stays saved). */
export const logoutCommand: CommandModule<object, LogoutArgs> = {
  command: 'logout',
  describe: "Remove a profile's API key from the keychain",
  builder: (yargs) =>
    yargs.option('profile', { type: 'string', describe: 'Profile (default: the default profile)' }) as never,
  handler: async (args) => {
    try {
      const config = await readProfiles();
      const name = args.profile ?? config.defaultProfile;
      if (!name) throw new CmlConfigError('No profile to log out of: none is saved (see `cmlsh profiles`)');
      checkProfileName(name);
      const removed = await keychainStore().delete(name);
      process.stdout.write(
        removed
          ? `Removed the API key of profile ${name} from the keychain\n`
          : `No API key of profile ${name} was in the keychain\n`,
      );
    } catch (error) {
      reportError(error);
    }
  },
};
