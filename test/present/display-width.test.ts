import fc from 'fast-check';
import stringWidth from 'string-width';
import { describe, expect, it } from 'vitest';
import { cutToWidth, displayWidth, fitToWidth } from '../../src/present/index.js';

// string-width is what ink measures the browser's text with, so a table laid out by
// displayWidth must agree with it cell for cell, or the browser's columns drift.

/** Text a terminal meets: scripts, marks, emoji of every kind, jamo, controls and ignorables. */
const SAMPLES = [
  'plain ascii',
  'café',
  'e\u0301\u0301',
  '日本語テキスト',
  'ｶﾞｷﾞｸﾞ',
  'ｱｰﾙ',
  '한국어',
  '\u1100\u1161\u11a8',
  '\u1100\u1100\u1161',
  '\u1100a',
  'नमस्ते',
  'ไทย',
  '👍',
  '👍🏽ok',
  '👨‍👩‍👧‍👦',
  '🏳️‍🌈',
  '🇺🇸🇯🇵',
  '🇺',
  '1️⃣',
  '1⃣',
  '#️⃣',
  '©',
  '©️',
  '☺',
  '☺️',
  '⌚',
  '✔',
  '❤️',
  '↔️',
  'a\u200bb',
  'a\u200db',
  'a\u00adb',
  '\u0007bell',
  'tab\there',
  '\ufeffbom',
  '①②',
  '←→',
  'Ω≈ç√',
  '\ud800lone',
  '𝓗𝓮𝓵𝓵𝓸',
  '😀😃😄',
  '🧑🏿‍🦲',
  '🏴\u{e0067}\u{e0062}\u{e0065}\u{e006e}\u{e0067}\u{e007f}',
  '☝🏽',
  '❤🏽',
  '👍\u093f',
  '⌚\ufe0e',
  '🇺🇺',
];

describe('display width', () => {
  it('agrees with string-width on the text terminals meet', () => {
    for (const sample of SAMPLES)
      expect([sample, displayWidth(sample)]).toEqual([sample, stringWidth(sample)]);
  });

  it('agrees with string-width on any mix of those characters and of random code points', () => {
    const pieces = [...new Set(SAMPLES.flatMap((sample) => [...sample]))];
    const piece = fc.oneof(
      fc.constantFrom(...pieces),
      fc.constantFrom(...SAMPLES),
      fc
        .integer({ min: 0x20, max: 0x10ffff })
        .filter((p) => p < 0xd800 || p > 0xdfff)
        .map((p) => String.fromCodePoint(p)),
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 12 }), (parts) => {
        const text = parts.join('');
        expect(displayWidth(text)).toBe(stringWidth(text));
      }),
      { numRuns: 3000 },
    );
  });

  it('agrees with string-width on every character of the BMP, alone and after a letter', () => {
    const differ: string[] = [];
    for (let point = 0x20; point <= 0xffff; point++) {
      if (point >= 0xd800 && point <= 0xdfff) continue;
      const char = String.fromCharCode(point);
      for (const text of [char, `a${char}`, `${char}${char}`]) {
        if (displayWidth(text) !== stringWidth(text))
          differ.push(`U+${point.toString(16)} in ${JSON.stringify(text)}`);
      }
    }
    expect(differ).toEqual([]);
  });

  it('measures what the browser draws (rules, arrows, spinners, ellipses) one cell a character', () => {
    const drawn = '│─┌┐└┘├┤┬┴┼…›·—’→←↑↓↵▾▸▤▲▼░█⠋⠙⠹⠸⠼⠴⠦⠧⠇⠏␛␡×é';
    const text = fc.array(fc.constantFrom(...drawn, 'a', ' ', '7'), { maxLength: 40 });
    fc.assert(
      fc.property(text, (chars) => {
        const line = chars.join('');
        expect([line, displayWidth(line)]).toEqual([line, stringWidth(line)]);
        expect(displayWidth(line)).toBe(chars.length);
      }),
    );
  });

  it('cuts between graphemes and pads to the exact width', () => {
    expect(cutToWidth('日本語テキスト', 7)).toBe('日本語…');
    expect(displayWidth(cutToWidth('👨‍👩‍👧‍👦👨‍👩‍👧‍👦', 3))).toBe(3);
    expect(fitToWidth('é', 3)).toBe('é  ');
    expect(displayWidth(fitToWidth('日本', 5))).toBe(5);
  });
});
