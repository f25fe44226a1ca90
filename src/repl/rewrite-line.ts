/** Name of the hidden global `it` turns into. */
export const NEXT_PAGE_GLOBAL = '__cmlshNextPage';

/**
 * Shell shorthands, applied to the code before Node evaluates it (so top-level await
 * still works): `it` alone fetches the next page, as in mongosh, and a line starting with
 * `browse(` is awaited, so the prompt does not draw over the browser.
 */
export function rewriteLine(code: string): string {
  if (/^\s*it\s*;?\s*$/.test(code)) return `await ${NEXT_PAGE_GLOBAL}()\n`;
  if (/^\s*browse\s*\(/.test(code)) return `await ${code.trimStart()}`;
  return code;
}
