import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildRequest } from '../../src/api/index.js';
import { CmlSpecError, CmlUsageError } from '../../src/errors/index.js';
import { normaliseSpec } from '../../src/spec/index.js';
import { realSpec } from '../helpers/real-spec.js';

const operations = realSpec().operations;
const names = [...new Set(operations.flatMap((op) => op.params.flatMap((p) => [p.name, p.pythonName])))];

describe('the request builder under random input', () => {
  it('either builds a request or throws a CmlUsageError with a one-line message, for any arguments', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 0, max: operations.length - 1 }),
        fc.dictionary(fc.oneof(fc.constantFrom(...names, 'body'), fc.string()), fc.anything(), {
          maxKeys: 6,
        }),
        async (index, args) => {
          const op = operations[index]!;
          try {
            const request = await buildRequest(op, args);
            expect(request.method).toBe(op.method);
            expect(request.path.startsWith('/api/v2/')).toBe(true);
            expect(request.path).not.toMatch(/[{}]/);
          } catch (error) {
            expect(error).toBeInstanceOf(CmlUsageError);
            expect((error as Error).message).not.toContain('\n');
            expect((error as Error).message.startsWith(op.name)).toBe(true);
          }
        },
      ),
      { numRuns: 3000 },
    );
  });

  it('a random document is either normalised or refused with a CmlSpecError, never a crash', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.anything(),
          fc.record({ swagger: fc.constant('2.0'), paths: fc.dictionary(fc.string(), fc.anything()) }),
          fc.record({
            swagger: fc.constant('2.0'),
            paths: fc.dictionary(
              fc.string().map((s) => `/api/v2/${s}`),
              fc.dictionary(
                fc.constantFrom('get', 'post', 'patch', 'delete', 'put'),
                fc.record({ operationId: fc.string(), parameters: fc.anything() }, { requiredKeys: [] }),
              ),
            ),
            definitions: fc.anything(),
          }),
        ),
        (doc) => {
          try {
            const spec = normaliseSpec(doc, 'fuzz');
            for (const op of spec.operations) expect(typeof op.name).toBe('string');
          } catch (error) {
            expect(error).toBeInstanceOf(CmlSpecError);
          }
        },
      ),
      { numRuns: 3000 },
    );
  });
});
