import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Connection, connect } from '../../src/api/index.js';
import { type Emulator, startEmulator } from '../../src/emulator/index.js';
import { CmlApiError } from '../../src/errors/index.js';
import { realSpec, realSpecDocument } from '../helpers/real-spec.js';

/** A seeded PRNG so the fault pattern is the same on every run. */
function mulberry32(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const TOKEN = 'reliability-token';
let emulator: Emulator;
let clean: Connection;
let faulty: Connection;

beforeAll(async () => {
  emulator = await startEmulator({
    document: realSpecDocument(),
    tokens: [TOKEN],
    seedProjects: 400,
    retryAfterSeconds: 0.01,
    random: mulberry32(7),
  });
  const base = { host: emulator.url, token: TOKEN, loadedSpec: realSpec() };
  clean = await connect(base);
  faulty = await connect({ ...base, retry: { tries: 8, baseDelayMs: 2, maxDelayMs: 40 } });
});
afterAll(() => emulator.close());

describe('a full paged listing survives 30% injected faults', () => {
  it('.all() yields every project exactly once, as without faults', async () => {
    const expected: string[] = [];
    for await (const p of clean.api.listProjects!.all!({ pageSize: 25 }))
      expected.push((p as { id: string }).id);
    expect(expected.length).toBeGreaterThanOrEqual(400);

    emulator.configure({ faultRate: 0.3, faultKinds: ['503', '429', 'reset', 'truncate'] });
    const before = emulator.requestCount;
    const seen: string[] = [];
    try {
      for await (const p of faulty.api.listProjects!.all!({ pageSize: 25 }))
        seen.push((p as { id: string }).id);
    } finally {
      emulator.configure({ faultRate: 0 });
    }
    expect(seen).toEqual(expected);
    expect(new Set(seen).size).toBe(seen.length);
    // Faults really happened: more requests than pages.
    expect(emulator.requestCount - before).toBeGreaterThan(Math.ceil(expected.length / 25));
  });

  it('when faults win, the error says what happened and how many tries were made', async () => {
    emulator.configure({ faultRate: 1, faultKinds: ['503'] });
    const loaded: unknown[] = [];
    let error: unknown;
    try {
      const oneTry = await connect({
        host: emulator.url,
        token: TOKEN,
        loadedSpec: realSpec(),
        retry: { tries: 3, baseDelayMs: 1, maxDelayMs: 5 },
      });
      for await (const p of oneTry.api.listProjects!.all!({ pageSize: 25 })) loaded.push(p);
    } catch (caught) {
      error = caught;
    } finally {
      emulator.configure({ faultRate: 0 });
    }
    expect(error).toBeInstanceOf(CmlApiError);
    expect((error as Error).message).toMatch(/^HTTP 503.*listProjects \(GET .*\) after 3 tries$/);
  });
});
