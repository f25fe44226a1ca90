import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { graphemeSegmenter } from '../../src/present/graphemes.js';

const icu = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

const plain = (segments: Iterable<{ segment: string; index: number }>) =>
  [...segments].map(({ segment, index }) => [segment, index]);

/** Both segmenters on `text`: the clusters in order, and the one holding each code unit. */
function bothOn(text: string) {
  const ours = graphemeSegmenter.segment(text);
  const theirs = icu.segment(text);
  const containing = (segments: typeof ours, at: number) => {
    const found = segments.containing(at);
    return found && [found.segment, found.index, found.input === text];
  };
  const positions = [-1, -0.5, Number.NaN, ...Array.from({ length: text.length + 1 }, (_, i) => i), 0.5];
  return {
    ours: { clusters: plain(ours), containing: positions.map((at) => containing(ours, at)) },
    theirs: { clusters: plain(theirs), containing: positions.map((at) => containing(theirs, at)) },
  };
}

describe('grapheme clusters', () => {
  it('are those of Intl.Segmenter for every BMP character, alone, doubled and between letters', () => {
    const differ: string[] = [];
    for (let point = 0; point <= 0xffff; point++) {
      if (point >= 0xd800 && point <= 0xdfff) continue;
      const char = String.fromCharCode(point);
      for (const text of [char, `${char}${char}`, `a${char}b`]) {
        const { ours, theirs } = bothOn(text);
        if (JSON.stringify(ours) !== JSON.stringify(theirs))
          differ.push(`U+${point.toString(16)} in ${JSON.stringify(text)}`);
      }
    }
    expect(differ).toEqual([]);
  });

  it('are those of Intl.Segmenter for styled terminal text mixed with marks, emoji, jamo and CR LF', () => {
    const pieces = [
      ...'│─┌┐…›·→▲░█⠋␛é ab7',
      '\x1b[7m',
      '\x1b[27m',
      '\x1b]8;;https://x\x07',
      '\r',
      '\n',
      '\t',
      '\u0301',
      '\u200d',
      '\ufe0f',
      '👍',
      '👨‍👩‍👧',
      '🇺🇸',
      '\u1100\u1161',
      '日本',
      '\u00ad',
    ];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 30 }), (parts) => {
        const { ours, theirs } = bothOn(parts.join(''));
        expect(ours).toEqual(theirs);
      }),
      { numRuns: 2000 },
    );
  });
});
