import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { CmlConfigError } from '../errors/index.js';
import { writeFileAtomic } from '../util/atomic-write.js';
import { cmlshDirs } from '../util/xdg.js';

/** One saved workspace. Hosts and names only: the key stays in the keychain. */
export interface Profile {
  readonly host: string;
}

/** `config.json`: `{ defaultProfile, profiles: { name: { host } } }`. */
export interface ProfilesConfig {
  readonly defaultProfile: string | undefined;
  readonly profiles: Readonly<Record<string, Profile>>;
}

/** Where the profiles live: `$XDG_CONFIG_HOME/cmlsh/config.json`. */
export function configPath(env: NodeJS.ProcessEnv = process.env): string {
  return join(cmlshDirs(env).config, 'config.json');
}

/** Reads the profiles; an absent file is an empty config. @throws CmlConfigError when the file is malformed. */
export async function readProfiles(path = configPath()): Promise<ProfilesConfig> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT')
      return { defaultProfile: undefined, profiles: {} };
    throw new CmlConfigError(`Cannot read ${path}: ${(error as Error).message}`, { cause: error });
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new CmlConfigError(`${path} is not valid JSON (${(error as Error).message}); fix or delete it`);
  }
  return checkConfig(data, path);
}

/** Writes the profiles privately (0600) and atomically. Only names and hosts are written. */
export async function writeProfiles(config: ProfilesConfig, path = configPath()): Promise<void> {
  const profiles: Record<string, Profile> = {};
  for (const [name, profile] of Object.entries(config.profiles)) profiles[name] = { host: profile.host };
  const data = { defaultProfile: config.defaultProfile ?? null, profiles };
  await writeFileAtomic(path, `${JSON.stringify(data, null, 2)}\n`);
}

/** Checks a profile name: it becomes a keychain account name and a flag value. @throws CmlConfigError */
export function checkProfileName(name: string): string {
  if (!/^[\w.@-]{1,64}$/.test(name)) {
    throw new CmlConfigError(
      `"${name}" is not a usable profile name: use letters, digits, ".", "_", "-" or "@" (at most 64)`,
    );
  }
  return name;
}

function checkConfig(data: unknown, path: string): ProfilesConfig {
  const bad = (what: string) => new CmlConfigError(`${path}: ${what}; fix or delete the file`);
  if (!data || typeof data !== 'object' || Array.isArray(data)) throw bad('expected a JSON object');
  const record = data as Record<string, unknown>;
  const defaultProfile = record.defaultProfile;
  if (defaultProfile != null && typeof defaultProfile !== 'string')
    throw bad('defaultProfile must be a string');
  const raw = record.profiles ?? {};
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) throw bad('profiles must be an object');
  const profiles: Record<string, Profile> = {};
  for (const [name, value] of Object.entries(raw)) {
    const host = (value as Record<string, unknown> | null)?.host;
    if (typeof host !== 'string') throw bad(`profile "${name}" has no host`);
    profiles[name] = { host };
  }
  return { defaultProfile: defaultProfile ?? undefined, profiles };
}
