// The bundle's one string-width: scripts/build.mjs resolves every `string-width` import
// (ink, wrap-ansi, cli-truncate, widest-line, yargs, cliui) to this module.
//
// Each copy of string-width builds an Intl.Segmenter and five Unicode-property regexes as
// it loads (about 9 ms for the first Segmenter, which loads ICU's break data, and 14 ms
// for the regexes, measured in a fresh node), and the bundle held two copies (8.x and
// wrap-ansi's 7.x): about 25 ms of the browser's first frame, spent before anything is
// measured, for text that is nearly always ASCII. cmlsh's own displayWidth
// (src/present/display-width.ts) agrees with string-width 8 (test/present/display-width
// .test.ts) and builds its Unicode tables on the first non-ASCII text.
import stripAnsi from 'strip-ansi';
import { displayWidth } from '../src/present/display-width.ts';

/** string-width's API: escape sequences do not count, unless countAnsiEscapeCodes. */
export default function stringWidth(input, options = {}) {
  if (typeof input !== 'string' || input.length === 0) return 0;
  const { ambiguousIsNarrow = true, countAnsiEscapeCodes = false } = options;
  // Nothing in the bundle asks for it; displayWidth counts ambiguous characters as narrow.
  if (!ambiguousIsNarrow) throw new Error('string-width: ambiguousIsNarrow: false is not supported in cmlsh');
  return displayWidth(countAnsiEscapeCodes ? input : stripAnsi(input));
}
