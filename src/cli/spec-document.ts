import { readFile } from 'node:fs/promises';
import { CmlSpecError, describeError } from '../errors/index.js';

/**
 * Reads a spec document as it is, from a file or an http(s) URL: what the emulator serves
 * (it normalises the document itself), and what the shell normalises with `normaliseSpec`.
 * @throws CmlSpecError when it cannot be read or is not JSON.
 */
export async function readSpecDocument(source: string): Promise<unknown> {
  let text: string;
  try {
    if (/^https?:\/\//i.test(source)) {
      const response = await fetch(source);
      if (!response.ok) throw new Error(`HTTP ${response.status} from ${source}`);
      text = await response.text();
    } else {
      text = await readFile(source, 'utf8');
    }
  } catch (error) {
    throw new CmlSpecError(`Cannot read the spec ${source}: ${describeError(error)}`, source, {
      cause: error,
    });
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new CmlSpecError(`The spec ${source} is not valid JSON: ${(error as Error).message}`, source);
  }
}
