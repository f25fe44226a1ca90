import { once } from '../util/once.js';

/**
 * Characters that are each a grapheme cluster of their own, whatever stands next to them:
 * none extends, joins, prepends or pairs with another (no marks, ZWJ, regional
 * indicators, Hangul jamo), and CR, which pairs with LF, is left out. ASCII (its controls
 * too: the escapes of styled text), Latin-1, general punctuation, arrows, control
 * pictures, box drawing, blocks, geometric shapes and braille: what terminal text is made
 * of. test/present/graphemes.test.ts holds the set to Intl.Segmenter.
 */
const ALONE =
  /^[\x00-\x0c\x0e-\x7f\xa0-\xff\u2010-\u2027\u2030-\u205e\u2190-\u21ff\u2400-\u243f\u2500-\u25fc\u2800-\u28ff]*$/;

/** Whether every code unit of `text` is a grapheme cluster of its own (see ALONE). */
export function singleUnitGraphemes(text: string): boolean {
  return ALONE.test(text);
}

/** One grapheme cluster, as Intl.Segmenter gives it. */
export interface Grapheme {
  readonly segment: string;
  readonly index: number;
  readonly input: string;
}

/** What `segment()` answers: the clusters in order, and the one holding a code unit. */
export interface Graphemes extends Iterable<Grapheme> {
  containing(index?: number): Grapheme | undefined;
}

const icu = once(() => new Intl.Segmenter(undefined, { granularity: 'grapheme' }));

/** Every code unit its own cluster: text made only of ALONE characters. */
class SingleUnits implements Graphemes {
  constructor(private readonly input: string) {}

  *[Symbol.iterator](): Iterator<Grapheme> {
    const { input } = this;
    for (let index = 0; index < input.length; index++) yield { segment: input.charAt(index), index, input };
  }

  containing(index = 0): Grapheme | undefined {
    // As Intl.Segmenter: NaN and fractions are read as integers (NaN as 0).
    const at = Math.trunc(index) || 0;
    const { input } = this;
    return at >= 0 && at < input.length ? { segment: input.charAt(at), index: at, input } : undefined;
  }
}

/**
 * Grapheme clusters of text, the same as Intl.Segmenter's (`granularity: 'grapheme'`),
 * which it uses only for text that needs it. Making the first Intl.Segmenter of a process
 * loads ICU's break rules (11-22 ms here) and each cluster it gives costs ~1 µs; ink's
 * output and slice-ansi segmented every line of every frame with one made at import (the
 * build points them here: scripts/dependency-rewrites.mjs), for text that is nearly all
 * ASCII and box drawing.
 */
export const graphemeSegmenter = {
  segment(text: string): Graphemes {
    return singleUnitGraphemes(text) ? new SingleUnits(text) : icu().segment(text);
  },
};
