import { spawn } from 'node:child_process';
import { closeSync, openSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CMLSH, cliFixture, collect, randomToken, spawnCmlsh } from './run-cmlsh.js';

// Output cut short: by Ctrl+C in the middle of `call --all`, or by a disk with no room
// (stdout sent to /dev/full). What is written stays readable, and stderr says what happened
// in one line, never a stack trace.
const TOKEN = randomToken('interrupt');
// Slow pages, so that Ctrl+C lands between two of them.
const cli = cliFixture({ tokens: [TOKEN], seedProjects: 40, latencyMs: 300, hostEnv: true });
const env = () => cli.env();

/** Starts `call --all`, presses Ctrl+C once the first items are out, and gathers the rest. */
async function interrupted(format: string) {
  const child = spawnCmlsh(['call', 'listProjects', '--all', '--page-size', '3', '-o', format], env());
  const done = collect(child);
  await new Promise<void>((resolve) => {
    let seen = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      seen += chunk.toString();
      if (seen.includes('"id"')) resolve();
    });
  });
  child.kill('SIGINT');
  return done;
}

describe('-o json interrupted by Ctrl+C', () => {
  it('ends as a valid JSON array of the items written, and says the output is partial', async () => {
    const result = await interrupted('json');
    expect(result.code).toBe(130);
    const items = JSON.parse(result.stdout) as { id: string }[];
    expect(items.length).toBeGreaterThan(0);
    expect(items.length).toBeLessThan(40);
    for (const item of items) expect(item.id).toEqual(expect.any(String));
    const lines = result.stderr.trimEnd().split('\n');
    expect(lines).toHaveLength(1);
    // With -o json the error is JSON too, for the script reading stderr.
    expect(JSON.parse(lines[0] ?? '')).toEqual({
      error: {
        name: 'CmlAbortError',
        message: `Cancelled: listProjects. The output is partial: the first ${items.length} items only, closed so it parses`,
      },
    });
  });

  it('-o jsonl keeps whole lines only', async () => {
    const result = await interrupted('jsonl');
    expect(result.code).toBe(130);
    const lines = result.stdout.trimEnd().split('\n');
    for (const line of lines) expect(JSON.parse(line)).toHaveProperty('id');
    expect(result.stderr).toContain(`the first ${lines.length} item`);
  });
});

describe('a full disk', () => {
  for (const argv of [
    ['call', 'listProjects', '--all', '-o', 'jsonl'],
    ['call', 'listProjects', '-o', 'json'],
    ['--demo', '-e', 'await api.listProjects.all({ limit: 5 })', '--json'],
    ['ops'],
  ]) {
    it(`${argv.join(' ')} > /dev/full: one line, exit 1`, async () => {
      const full = openSync('/dev/full', 'w');
      try {
        const child = spawn(process.execPath, [CMLSH, ...argv], {
          env: env(),
          stdio: ['pipe', full, 'pipe'],
        });
        const result = await collect(child);
        expect(result.code, result.stderr).toBe(1);
        expect(result.stderr).toBe(
          'Cannot write the output: no space left on the device stdout goes to (ENOSPC); free some space or send it elsewhere\n',
        );
      } finally {
        closeSync(full);
      }
    });
  }
});
