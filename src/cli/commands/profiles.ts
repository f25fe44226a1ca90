import type { CommandModule } from 'yargs';
import { configPath, readProfiles } from '../../auth/index.js';
import { reportError } from '../report-error.js';

interface ProfilesArgs {
  readonly json?: boolean | undefined;
}

/** `cmlsh profiles`: saved profiles and their hosts, the default one marked with `*`. */
export const profilesCommand: CommandModule<object, ProfilesArgs> = {
  command: 'profiles',
  describe: 'List saved profiles (* = default)',
  builder: (yargs) => yargs.option('json', { type: 'boolean', describe: 'Print JSON' }) as never,
  handler: async (args) => {
    try {
      const config = await readProfiles();
      const names = Object.keys(config.profiles).sort();
      if (args.json) {
        const rows = names.map((name) => ({
          name,
          host: config.profiles[name]?.host,
          default: name === config.defaultProfile,
        }));
        process.stdout.write(`${JSON.stringify(rows, null, 2)}\n`);
        return;
      }
      if (!names.length) {
        process.stderr.write(`No profiles in ${configPath()}; save one with \`cmlsh login --host URL\`\n`);
        return;
      }
      const width = Math.max(...names.map((name) => name.length));
      for (const name of names) {
        const mark = name === config.defaultProfile ? '*' : ' ';
        process.stdout.write(`${mark} ${name.padEnd(width)}  ${config.profiles[name]?.host ?? ''}\n`);
      }
    } catch (error) {
      reportError(error);
    }
  },
};
