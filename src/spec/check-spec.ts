import { CmlSpecError } from '../errors/index.js';
import { formatPath, parsePath } from './path-shape.js';

/**
 * How deep a spec document may nest. The real CML spec nests 7 levels; walkers of schemas
 * (JSON.stringify for the cache, validation, help) recurse, so a hostile 5000-deep
 * document is refused here, once, rather than overflowing the stack somewhere later.
 */
export const MAX_SPEC_DEPTH = 64;

/** @throws CmlSpecError naming where the document nests deeper than MAX_SPEC_DEPTH. */
export function checkDepth(doc: unknown, source: string): void {
  // Iterative, so the check itself cannot overflow; the place is spelled out only when it
  // is reported (building a path string for each of the real spec's ~60,000 values cost
  // more than the rest of normalising).
  const stack: Visit[] = [{ value: doc, depth: 0, key: '', parent: undefined }];
  for (let visit = stack.pop(); visit; visit = stack.pop()) {
    const { value, depth } = visit;
    if (depth >= MAX_SPEC_DEPTH) {
      throw new CmlSpecError(
        `The spec from ${source} nests deeper than ${MAX_SPEC_DEPTH} levels at ${placeOf(visit).slice(0, 120)}…; a CML spec nests fewer than 10`,
        source,
      );
    }
    for (const key in value as object) {
      const child = (value as Record<string, unknown>)[key];
      if (typeof child === 'object' && child !== null)
        stack.push({ value: child, depth: depth + 1, key, parent: visit });
    }
  }
}

interface Visit {
  readonly value: unknown;
  readonly depth: number;
  readonly key: string;
  readonly parent: Visit | undefined;
}

function placeOf(visit: Visit): string {
  const keys: string[] = [];
  for (let at: Visit | undefined = visit; at?.parent; at = at.parent) keys.push(at.key);
  return keys
    .reverse()
    .map((key) => `/${key}`)
    .join('');
}

const WORKSPACE = 'https://workspace.invalid';

/**
 * A path of the spec is appended to the workspace's address, and the API key goes with
 * it: it must stay on that host. Refused: absolute URLs (`https://evil/x`, `//evil/x`),
 * paths without a leading `/` (`@evil/x` after the host is another host), backslashes,
 * `.`/`..` segments, query or fragment characters, empty segments, and parameters that
 * are not a whole segment (`/x{id}`), which no request could fill.
 * @throws CmlSpecError naming the path and what a path must look like.
 */
export function checkPath(path: string, source: string): void {
  const problem = pathProblem(path);
  if (problem) {
    throw new CmlSpecError(
      `The spec from ${source} has the path ${JSON.stringify(path.slice(0, 200))}, which ${problem}; paths must look like /api/v2/projects/{project_id}`,
      source,
    );
  }
}

/**
 * A path every check below passes: whole segments of letters, digits and `_.~-` not
 * starting with a dot (so never `.` or `..`, never percent-encoded), or `{param}`, then
 * an optional custom verb. Every path of a real spec is one; the checks that name what is
 * wrong (and build a URL to be sure) run only for the others, which they would refuse.
 */
const PLAIN_PATH = /^(?:\/(?:[\w~-][\w.~-]*|\{[\w.]+\}))+(?::[A-Za-z][\w-]*)?$/;

function pathProblem(path: string): string | undefined {
  return PLAIN_PATH.test(path) ? undefined : whatIsWrong(path);
}

/** What is wrong with a path, if anything. Exported for the test that PLAIN_PATH is safe. */
export function whatIsWrong(path: string): string | undefined {
  if (/^[a-z][a-z\d+.-]*:/i.test(path)) return 'is an absolute URL';
  if (!path.startsWith('/')) return 'does not start with /';
  if (path.startsWith('//')) return 'names another host (//)';
  if (/[\\?#\s\u0000-\u001f\u007f]/.test(path)) return 'holds a backslash, ?, #, space or control character';
  const segments = path.replace(/:[A-Za-z][\w-]*$/, '').split('/');
  if (segments.some((s) => !/^\{[^{}]+\}$/.test(s) && /[{}]/.test(s)))
    return 'has a parameter that is not a whole segment';
  const dots = (s: string) => s.replace(/%2e/gi, '.');
  if (segments.some((s) => dots(s) === '.' || dots(s) === '..')) return 'has a . or .. segment';
  if (formatPath(parsePath(path)) !== path) return 'has an empty segment';
  // Whatever slipped through: it must resolve to the same origin, under the same path.
  const url = new URL(path.replace(/\{[^{}]+\}/g, 'x'), WORKSPACE);
  if (url.origin !== WORKSPACE) return 'resolves to another host';
  return undefined;
}
