import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import stringWidth from 'string-width';
import { describe, expect, it } from 'vitest';
// @ts-expect-error: a build script in JavaScript, without types.
import bundled from '../../scripts/string-width.mjs';

// The bundle resolves every `string-width` (ink's, wrap-ansi's, ...) to scripts/string-width.mjs.
const bundledWidth = bundled as (text: unknown, options?: Record<string, unknown>) => number;
const DIST = fileURLToPath(new URL('../../dist/chunks', import.meta.url));

/** Text ink measures: plain, wide, emoji, and all of it styled by chalk or holding links. */
const STYLED = [
  '',
  'plain',
  '\u001b[1m\u001b[36mlistProjects\u001b[39m\u001b[22m',
  '\u001b[7m  jgu7-0h9g  risk-fraud-etl  \u001b[27m',
  '\u001b[31m日本語\u001b[39m',
  '\u001b]8;;https://example.com\u0007link\u001b]8;;\u0007',
  '👨‍👩‍👧‍👦 \u001b[2mdim\u001b[22m',
  '\u009b31mcsi\u009b0m',
];

describe("the bundle's string-width", () => {
  it('measures what string-width measures, escape sequences included', () => {
    for (const text of STYLED) expect([text, bundledWidth(text)]).toEqual([text, stringWidth(text)]);
    for (const text of STYLED)
      expect(bundledWidth(text, { countAnsiEscapeCodes: true })).toBe(
        stringWidth(text, { countAnsiEscapeCodes: true }),
      );
    expect(bundledWidth(undefined)).toBe(0);
  });

  it('agrees with string-width on styled mixes of text', () => {
    const piece = fc.oneof(
      fc.constantFrom(...STYLED, 'é', 'ｶﾞ', '👍🏽', '🇺🇸', '\u200b', '한'),
      fc.string({ maxLength: 4 }),
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 8 }), (parts) => {
        const text = parts.join('');
        expect(bundledWidth(text)).toBe(stringWidth(text));
      }),
      { numRuns: 2000 },
    );
  });

  it('is the only one in the shipped bundle: no chunk builds string-width’s emoji regex', () => {
    const chunks = readdirSync(DIST).filter((name) => name.endsWith('.js'));
    const copies = chunks.filter((name) => readFileSync(join(DIST, name), 'utf8').includes('{RGI_Emoji}$'));
    expect(copies).toEqual([]);
  });
});
