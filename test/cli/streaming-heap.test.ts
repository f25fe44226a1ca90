import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

// V8's flags are the process's: each case runs in a fresh node. Pages stay alive across
// scavenges as a listing's do (a few hundred kept while the rest are let go).
const churn = (before: string) => `
  ${before}
  const { getHeapSpaceStatistics } = await import('node:v8');
  let inFlight = [];
  for (let i = 0; i < 2e6; i++) {
    inFlight.push({ id: 'p' + i, name: 'project ' + i, owner: { username: 'u' + (i % 50) } });
    if (inFlight.length > 300) inFlight = [];
  }
  const young = getHeapSpaceStatistics().find((space) => space.space_name === 'new_space');
  process.stdout.write(String(young.space_size));
`;

function youngBytes(before: string): number {
  const out = execFileSync(
    process.execPath,
    ['--import', 'tsx', '--input-type=module', '-e', churn(before)],
    {
      encoding: 'utf8',
      cwd: process.cwd(),
    },
  );
  return Number(out);
}

describe('the heap of a streaming command', () => {
  it('keeps its young generation at its first size however long the stream', () => {
    const grown = youngBytes('');
    const kept = youngBytes(
      "const { keepYoungGenerationSmall } = await import('./src/cli/streaming-heap.ts'); keepYoungGenerationSmall();",
    );
    // Without it V8 grows the young generation to its limit (16 MB a semi-space here).
    expect(grown).toBeGreaterThanOrEqual(8 * kept);
    expect(kept).toBeLessThanOrEqual(4 * 2 ** 20);
  });
});
