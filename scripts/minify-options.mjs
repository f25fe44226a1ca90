/**
 * How every pass of the build minifies: whitespace and syntax, never identifiers. Names stay
 * as written, so classes and functions print and throw under their own names without
 * esbuild's keepNames, whose `__name(fn, "name")` per function and class ran at every load:
 * ~1,100 defineProperty calls before the shell's prompt (~3 ms), ~700 more for the browser.
 * Identifiers cost little unminified: the code cache, not the source, is what V8 reads.
 * @param {boolean} minify
 */
export function minifyOptions(minify) {
  return { minifyWhitespace: minify, minifySyntax: minify, minifyIdentifiers: false, keepNames: false };
}
