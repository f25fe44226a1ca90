import { callInfoOf, isWaitPromise } from '../api/index.js';
import { pythonKeywordFix, pythonKeywordHint } from './python-keywords.js';

/** Name of the hidden global `it` turns into. */
export const NEXT_PAGE_GLOBAL = '__cmlshNextPage';

/** Name of the hidden global that throws a usage error with the given text, instead of running the line. */
export const HINT_GLOBAL = '__cmlshHint';

/** Name of the hidden global that waits for a promise from an api method (see rewriteLine). */
export const AWAIT_CALL_GLOBAL = '__cmlshAwaitCall';

type CompileCheck = new (...args: string[]) => unknown;
const AsyncFunction = Object.getPrototypeOf(async () => {}).constructor as CompileCheck;

/**
 * Shell shorthands, applied to the code before Node evaluates it (so top-level await
 * still works): `it` alone fetches the next page, as in mongosh, and a line starting with
 * `browse(` is awaited, so the prompt does not draw over the browser.
 *
 * A line that is one expression starting with `api.` (`api.listProjects()`, the slip of
 * a forgotten `await`) has its value passed through AWAIT_CALL_GLOBAL under an `await`:
 * a promise from an api method is waited for, anything else (another promise too) is
 * left as it is. Why a rewrite rather than a writer that notices the promise: the writer
 * is synchronous, so it could only print the value after the next prompt, and Ctrl+C
 * would meet Node's "press again to exit" instead of the call. With an `await` in the
 * line, Node's own top-level-await path does it all as for `await api.x()`: input waits,
 * Ctrl+C interrupts, an error prints as one line before the prompt, and the writer gets
 * the settled value (a table, and `it` continues it). An assignment
 * (`const p = api.listProjects()`) does not start with `api.`, so it keeps its promise.
 */
export function rewriteLine(code: string): string {
  // `api.list_projects(page_size=2)` would assign a global page_size: say how to write it, run nothing.
  const fix = pythonKeywordFix(code);
  if (fix) return `${HINT_GLOBAL}(${JSON.stringify(pythonKeywordHint(fix))})\n`;
  if (/^\s*it\s*;?\s*$/.test(code)) return `await ${NEXT_PAGE_GLOBAL}()\n`;
  if (/^\s*browse\s*\(/.test(code)) return `await ${code.trimStart()}`;
  if (/^\s*api\s*\./.test(code)) {
    const expression = code.trim().replace(/;+$/, '');
    if (isExpression(expression)) return `(await ${AWAIT_CALL_GLOBAL}((${expression}\n))).value\n`;
  }
  return code;
}

/**
 * The global behind AWAIT_CALL_GLOBAL: the settled value of a promise from an api method,
 * boxed, since `await` would flatten any promise; other values boxed as they are.
 */
export function awaitApiCall(value: unknown): { value: unknown } | Promise<{ value: unknown }> {
  if (value instanceof Promise && (callInfoOf(value) || isWaitPromise(value))) {
    return (value as Promise<unknown>).then((settled) => ({ value: settled }));
  }
  return { value };
}

/**
 * True when `code` is exactly one expression: it compiles (never runs) both inside
 * parentheses and inside brackets, so text that closes one of them early, such as
 * `api.x()), (1`, is not taken for one.
 */
function isExpression(code: string): boolean {
  try {
    new AsyncFunction(`return (${code}\n);`);
    new AsyncFunction(`return [${code}\n];`);
    return true;
  } catch {
    return false;
  }
}
