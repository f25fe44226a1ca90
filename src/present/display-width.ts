import { eastAsianWidth } from 'get-east-asian-width';
import { once } from '../util/once.js';
import { graphemeSegmenter, singleUnitGraphemes } from './graphemes.js';

// Everything Unicode-aware is made when first needed, each on its own. The first
// Intl.Segmenter of a process loads ICU's break data (about 15 ms), and a property-class
// regex builds its tables from ICU when it is made (the flag sequences, a property of
// strings: some 5 ms). At import they cost every start of the shell and of `cmlsh call`
// some 30 ms (docs/performance.md), for text that is nearly always ASCII; and text that is
// not ("›", "…") rarely holds an emoji or a flag.

/** A character that prints (not a control, format, ignorable or non-spacing mark). */
const printing = once(
  () =>
    /[^\p{Default_Ignorable_Code_Point}\p{Control}\p{Format}\p{Nonspacing_Mark}\p{Enclosing_Mark}\p{Surrogate}]/u,
);
const spacingMark = once(() => /\p{Spacing_Mark}/u);
/** Every pictograph of a cluster (global: for match). */
const pictographs = once(() => /\p{Extended_Pictographic}/gu);
const emoji = once(() => /^\p{Emoji}$/u);
/** Shown as emoji by default, with no variation selector. */
const emojiByDefault = once(() => /^\p{Emoji_Presentation}$/u);
/** Takes a skin-tone modifier. */
const modifierBase = once(() => /^\p{Emoji_Modifier_Base}$/u);
/** Two regional indicators that name a country. */
// biome-ignore lint/complexity/useRegexLiterals: a property of strings needs the v flag, which TypeScript's ES2022 target refuses in a literal
const flag = once(() => new RegExp('^\\p{RGI_Emoji_Flag_Sequence}$', 'v'));

/**
 * The zero-width characters among those that are graphemes of their own: controls and the
 * soft hyphen. Text of such graphemes without them is one cell a character (ASCII, Latin-1,
 * punctuation, arrows, box drawing, blocks, shapes, braille: what tables, the status line
 * and spinners draw), measured without ICU, whose first Intl.Segmenter is ~15 ms of the
 * browser's first frame. test/present/display-width.test.ts holds every one to string-width.
 */
const ZERO_WIDTH_ALONE = /[\x00-\x1f\x7f\xad]/;

/**
 * Cells a string takes on a terminal: CJK and emoji take two, combining marks and controls
 * none. Text here is already inert (sanitize.ts): there are no escape sequences to skip.
 * Agrees with string-width, which ink measures with (test/present/display-width.test.ts).
 */
export function displayWidth(text: string): number {
  // Ids, names, dates and table rules: one cell per character, nothing Unicode-aware loaded.
  if (singleUnitGraphemes(text) && !ZERO_WIDTH_ALONE.test(text)) return text.length;
  let width = 0;
  for (const { segment } of graphemeSegmenter.segment(text)) width += graphemeWidth(segment);
  return width;
}

/** Cells one grapheme cluster takes. */
function graphemeWidth(cluster: string): number {
  const start = cluster.search(printing());
  if (start < 0) return 0;
  if (isEmoji(cluster)) return 2;
  const visible = start === 0 ? cluster : cluster.slice(start);
  const points = printingCodePoints(visible);
  const jamo = hangulWidth(points);
  if (jamo !== undefined) return jamo;
  // The base character's East Asian Width, plus any spacing mark or half/full-width form
  // joined to it (Devanagari vowel signs, Japanese sound marks), which take cells of their own.
  let width = eastAsianWidth(visible.codePointAt(0) ?? 0);
  let first = true;
  for (const char of visible) {
    if (first) {
      first = false;
      continue;
    }
    if (spacingMark().test(char) || (char >= '\uff00' && char <= '\uffef'))
      width += eastAsianWidth(char.codePointAt(0) ?? 0);
  }
  return width;
}

const VARIATION_EMOJI = '\ufe0f';
const ZWJ = '\u200d';
const KEYCAP_SEQUENCE = /^[\d#*]\ufe0f?\u20e3$/;
const MODIFIER = /^[\u{1f3fb}-\u{1f3ff}]$/u;

/**
 * Whether a cluster is one emoji sequence, two cells wide: a flag, a keycap, a ZWJ sequence
 * of pictographs (a family), or one emoji alone, asked to be one (U+FE0F) or with a skin
 * tone. Anything else joined to it (a spacing mark) makes it text, measured as such.
 */
function isEmoji(cluster: string): boolean {
  if (isRegionalIndicator(cluster.codePointAt(0) ?? 0)) return flag().test(cluster);
  if (KEYCAP_SEQUENCE.test(cluster)) return true;
  if (cluster.length > 50) return false;
  const found = cluster.match(pictographs());
  if (!found) return false;
  if (cluster.includes(ZWJ)) return found.length >= 2;
  const base = found[0] ?? '';
  if (!cluster.startsWith(base) || !emoji().test(base)) return false;
  const rest = cluster.slice(base.length);
  if (rest === '') return emojiByDefault().test(base);
  if (rest === VARIATION_EMOJI) return true;
  return MODIFIER.test(rest) && modifierBase().test(base);
}

function isRegionalIndicator(codePoint: number): boolean {
  return codePoint >= 0x1f1e6 && codePoint <= 0x1f1ff;
}

function printingCodePoints(text: string): number[] {
  const points: number[] = [];
  for (const char of text) if (printing().test(char)) points.push(char.codePointAt(0) ?? 0);
  return points;
}

const isLeadingJamo = (p: number | undefined) =>
  p !== undefined && ((p >= 0x1100 && p <= 0x115f) || (p >= 0xa960 && p <= 0xa97c));
const isVowelJamo = (p: number | undefined) =>
  p !== undefined && ((p >= 0x1160 && p <= 0x11a7) || (p >= 0xd7b0 && p <= 0xd7c6));
const isTrailingJamo = (p: number | undefined) =>
  p !== undefined && ((p >= 0x11a8 && p <= 0x11ff) || (p >= 0xd7cb && p <= 0xd7fb));
const isJamo = (p: number | undefined) => isLeadingJamo(p) || isVowelJamo(p) || isTrailingJamo(p);

/**
 * Hangul written in jamo: a leading consonant and a vowel (and a final consonant) make one
 * two-cell syllable, as terminals draw them; jamo that pair with nothing keep their own
 * widths. Undefined when the cluster does not start with jamo.
 */
function hangulWidth(points: readonly number[]): number | undefined {
  if (!isJamo(points[0])) return undefined;
  let width = 0;
  for (let i = 0; i < points.length; i++) {
    const point = points[i] ?? 0;
    if (!isJamo(point)) {
      for (const rest of points.slice(i)) width += eastAsianWidth(rest);
      return width;
    }
    if (isLeadingJamo(point) && isVowelJamo(points[i + 1])) {
      width += 2;
      i += isTrailingJamo(points[i + 2]) ? 2 : 1;
    } else width += eastAsianWidth(point);
  }
  return width;
}

/** The longest start of `text` that fits `width` cells, cut between graphemes. */
function headOf(text: string, width: number): string {
  let out = '';
  let used = 0;
  for (const { segment } of graphemeSegmenter.segment(text)) {
    const w = graphemeWidth(segment);
    if (used + w > width) break;
    out += segment;
    used += w;
  }
  return out;
}

/** `text` cut to at most `width` cells, ending in "…" when cut. */
export function cutToWidth(text: string, width: number): string {
  if (width <= 0) return '';
  if (displayWidth(text) <= width) return text;
  return `${headOf(text, width - 1)}…`;
}

/** `text` cut or padded with spaces to exactly `width` cells. */
export function fitToWidth(text: string, width: number): string {
  const cut = cutToWidth(text, width);
  const w = displayWidth(cut);
  return w < width ? cut + ' '.repeat(width - w) : cut;
}
