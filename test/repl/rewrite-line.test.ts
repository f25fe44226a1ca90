import { describe, expect, it } from 'vitest';
import { CALL_INFO } from '../../src/api/index.js';
import {
  AWAIT_CALL_GLOBAL,
  awaitApiCall,
  NEXT_PAGE_GLOBAL,
  rewriteLine,
} from '../../src/repl/rewrite-line.js';

type Run = (awaitCall: typeof awaitApiCall, api: unknown) => Promise<unknown>;
const AsyncFunction = Object.getPrototypeOf(async () => {}).constructor as new (...args: string[]) => Run;

/** A promise marked as an api method's, as create-api marks them. */
function apiPromise<T>(value: T): Promise<T> {
  const promise = Promise.resolve(value);
  Object.defineProperty(promise, CALL_INFO, { value: { operation: {}, args: {} } });
  return promise;
}

/** Runs a rewritten line as the REPL's top-level await would, with the shell's globals. */
function evaluate(code: string, api: unknown): Promise<unknown> {
  return new AsyncFunction(AWAIT_CALL_GLOBAL, 'api', `return ${rewriteLine(code)}`)(awaitApiCall, api);
}

describe('rewriteLine', () => {
  it('turns `it` into the next page and awaits browse()', () => {
    expect(rewriteLine('it')).toBe(`await ${NEXT_PAGE_GLOBAL}()\n`);
    expect(rewriteLine('  browse(x)\n')).toBe('await browse(x)\n');
  });

  it('awaits one expression starting with api. for the user', () => {
    expect(rewriteLine('api.listProjects()\n')).toBe(
      `(await ${AWAIT_CALL_GLOBAL}((api.listProjects()\n))).value\n`,
    );
    expect(rewriteLine('api.listProjects({ pageSize: 2 });\n')).toContain(
      `await ${AWAIT_CALL_GLOBAL}((api.listProjects({ pageSize: 2 })\n`,
    );
    expect(rewriteLine('api.listProjects() // all of them\n')).toContain(AWAIT_CALL_GLOBAL);
  });

  it('leaves assignments, awaited calls, several statements and unfinished lines alone', () => {
    for (const code of [
      'const p = api.listProjects()\n',
      'await api.listProjects()\n',
      'api.listProjects(); 5\n',
      'api.listProjects({\n',
      'api.listProjects()), (1\n',
      'api.listProjects()], [1\n',
      'apiary.x()\n',
    ]) {
      expect(rewriteLine(code)).toBe(code);
    }
  });

  it('gives the settled value of an api promise and leaves other values as they are', async () => {
    const page = { items: [1] };
    const api = { listProjects: () => apiPromise(page), name: 'api' };
    expect(await evaluate('api.listProjects()', api)).toBe(page);
    expect(await evaluate('api.name', api)).toBe('api');
    // Only promises from api methods are waited for; others stay promises, boxed past `await`.
    const other = Promise.resolve(3);
    expect(awaitApiCall(other)).toEqual({ value: other });
    expect((awaitApiCall(other) as { value: unknown }).value).toBe(other);
  });

  it('passes an api error on to the prompt', async () => {
    const failing = Promise.reject(new Error('HTTP 404'));
    Object.defineProperty(failing, CALL_INFO, { value: {} });
    await expect(evaluate('api.getProject()', { getProject: () => failing })).rejects.toThrow('HTTP 404');
  });
});
