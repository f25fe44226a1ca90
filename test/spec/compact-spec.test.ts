import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import { CmlSpecError } from '../../src/errors/index.js';
import { packSpec, unpackSpec } from '../../src/spec/compact-spec.js';
import type { Operation } from '../../src/spec/index.js';
import { realSpec } from '../helpers/real-spec.js';

const stamp = { format: 2, cmlsh: '1.2.3', fetchedAt: 1_700_000_000_000 };

/** The byte range of `needle` in the file: where one operation's part sits. */
function rangeOf(bytes: Buffer, needle: string): [number, number] {
  const start = bytes.indexOf(needle);
  if (start < 0) throw new Error(`${needle} not in the file`);
  return [start, start + Buffer.byteLength(needle)];
}

describe('the normalised spec as the cache keeps it', () => {
  it('reads back as the spec it was made from, every operation and definition of the real spec', () => {
    const spec = realSpec();
    const back = unpackSpec(packSpec(spec, stamp), 'cache', '/cache/x.normalised');
    expect(back?.stamp).toEqual(stamp);
    if (!back) throw new Error('read back');
    // Field by field, as code reads them.
    expect(back.spec.operations).toHaveLength(spec.operations.length);
    back.spec.operations.forEach((op, i) => {
      const original = spec.operations[i] as Operation;
      for (const field of Object.keys(original) as (keyof Operation)[]) {
        expect([op.operationId, field, op[field]]).toEqual([op.operationId, field, original[field]]);
      }
    });
    expect(back.spec.resources).toEqual(spec.resources);
    expect(back.spec.definitions).toEqual(spec.definitions);
    expect([back.spec.title, back.spec.version, back.spec.source]).toEqual([
      spec.title,
      spec.version,
      'cache',
    ]);
    // Written as JSON and printed, an operation is the plain one.
    expect(JSON.parse(JSON.stringify(back.spec))).toEqual(
      JSON.parse(JSON.stringify({ ...spec, source: 'cache' })),
    );
    const createJob = back.spec.operations.find((op) => op.operationId === 'CreateJob');
    expect(inspect(createJob, { depth: 0 })).toBe(
      inspect(
        spec.operations.find((op) => op.operationId === 'CreateJob'),
        { depth: 0 },
      ),
    );
  });

  it('keeps the text of descriptions in other scripts and the dotted names as the spec has them', () => {
    const base = realSpec();
    const op = base.operations.find((o) => o.path.includes('{job.id}'));
    if (!op) throw new Error('the real spec has a {job.id} path');
    const spec = {
      ...base,
      operations: [{ ...op, description: 'Arrête le job — 作业を停止 🚦' }],
      definitions: { v1é: { type: 'object' as const, description: 'ünïcode' } },
    };
    const back = unpackSpec(packSpec(spec, stamp), 'cache', 'x')?.spec;
    expect(back?.operations[0]?.description).toBe('Arrête le job — 作业を停止 🚦');
    expect(back?.operations[0]?.shape.params).toContain('job.id');
    expect(back?.definitions['v1é']).toEqual({ type: 'object', description: 'ünïcode' });
  });

  it('parses an operation only when it is read: a damaged one is found then, named, and forgotten', () => {
    const spec = realSpec();
    const bytes = packSpec(spec, stamp);
    // One operation's part made unreadable, every byte count unchanged.
    const [start, end] = rangeOf(bytes, '"Create a new job."');
    bytes.fill('{', start, end);
    let forgotten = 0;
    const back = unpackSpec(bytes, 'cache', '/home/me/.cache/cmlsh/specs/ws/26.06.13.normalised', () => {
      forgotten++;
    });
    if (!back) throw new Error('the head is intact');
    const ops = back.spec.operations;
    // What the prompt reads, and every other operation, are there.
    expect(ops.map((op) => op.name)).toEqual(spec.operations.map((op) => op.name));
    expect(ops.find((op) => op.name === 'listProjects')?.params.length).toBeGreaterThan(0);
    expect(forgotten).toBe(0);
    const createJob = ops.find((op) => op.name === 'createJob');
    let error: unknown;
    try {
      void createJob?.params;
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(CmlSpecError);
    expect((error as Error).message).toBe(
      'The cached spec /home/me/.cache/cmlsh/specs/ws/26.06.13.normalised was damaged (operation CreateJob does not read) and is removed: run the command again, and the spec is read anew',
    );
    expect(forgotten).toBe(1);
  });

  it('is refused as a whole when cut short, grown, or not of this layout (an older cache file)', () => {
    const bytes = packSpec(realSpec(), stamp);
    expect(unpackSpec(bytes.subarray(0, bytes.length - 1), 'cache', 'x')).toBeUndefined();
    expect(unpackSpec(Buffer.concat([bytes, Buffer.from(' ')]), 'cache', 'x')).toBeUndefined();
    expect(unpackSpec(bytes.subarray(0, 40), 'cache', 'x')).toBeUndefined();
    expect(unpackSpec(Buffer.from('CMLSH-SPEC 99999999999999999999\n{}'), 'cache', 'x')).toBeUndefined();
    const older = JSON.stringify({ format: 1, cmlsh: '1.2.3', fetchedAt: 1, spec: realSpec() });
    expect(unpackSpec(Buffer.from(older), 'cache', 'x')).toBeUndefined();
    expect(unpackSpec(Buffer.alloc(0), 'cache', 'x')).toBeUndefined();
  });

  it('is smaller than the spec written whole, and its head (what the prompt parses) a fraction of it', () => {
    const spec = realSpec();
    const bytes = packSpec(spec, stamp);
    const headBytes = Number(bytes.toString('latin1', 0, bytes.indexOf(10)).split(' ')[1]);
    expect(headBytes).toBeLessThan(bytes.length / 10);
    expect(bytes.length).toBeLessThanOrEqual(Buffer.byteLength(JSON.stringify(spec)) * 1.05);
  });
});
