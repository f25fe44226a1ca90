import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkPath, whatIsWrong } from '../../src/spec/check-spec.js';
import { realDocument } from '../repl/real-spec.js';

// checkPath lets plain paths through on one regex and runs its detailed checks (which build a
// URL) only for the rest: the shortcut must never let through a path those checks refuse.
describe('the plain-path shortcut of checkPath', () => {
  const char = fc.constantFrom(...'/{}._~-:%?#\\ @aZ09x'.split(''));
  const path = fc.array(char, { maxLength: 24 }).map((chars) => chars.join(''));

  it('accepts only paths the detailed checks accept too', () => {
    fc.assert(
      fc.property(path, (candidate) => {
        let accepted = true;
        try {
          checkPath(candidate, 'test');
        } catch {
          accepted = false;
        }
        expect(accepted).toBe(whatIsWrong(candidate) === undefined);
      }),
      { numRuns: 5000 },
    );
  });

  it('takes every path of the real spec', () => {
    for (const candidate of Object.keys(realDocument().paths)) expect(whatIsWrong(candidate)).toBeUndefined();
  });
});
