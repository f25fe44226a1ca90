import { CmlConfigError } from '../errors/index.js';

/**
 * Checks that an API key is one line of printable text before it goes into a header: a key
 * with a line break inside (two keys pasted into one variable, a file with a comment) would
 * otherwise fail deep in the HTTP stack with a message that names neither the key nor where
 * it came from. `source` says where it came from, e.g. "CML_API_KEY"; `fix` what to do.
 * @throws CmlConfigError (exit 2) naming the source, never the key.
 */
export function checkToken(token: string, source: string, fix = 'give the key alone, on one line'): string {
  const bad = /[\u0000-\u001f\u007f]/.exec(token);
  if (bad) {
    const what = bad[0] === '\n' || bad[0] === '\r' ? 'a line break' : 'a control character';
    throw new CmlConfigError(`The API key from ${source} contains ${what}: an API key is one line; ${fix}`);
  }
  return token;
}
