import { homedir } from 'node:os';
import { join } from 'node:path';

/** XDG base directories for cmlsh, honouring XDG_* overrides (and HOME, for tests). */
export interface CmlshDirs {
  readonly config: string;
  readonly cache: string;
  readonly state: string;
}

export function cmlshDirs(env: NodeJS.ProcessEnv = process.env): CmlshDirs {
  const home = env.HOME || homedir();
  const base = (variable: string, fallback: string) => {
    const value = env[variable];
    return value?.startsWith('/') ? value : join(home, fallback);
  };
  return {
    config: join(base('XDG_CONFIG_HOME', '.config'), 'cmlsh'),
    cache: join(base('XDG_CACHE_HOME', '.cache'), 'cmlsh'),
    state: join(base('XDG_STATE_HOME', '.local/state'), 'cmlsh'),
  };
}
