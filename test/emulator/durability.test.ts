import type { ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { runCmlsh, spawnCmlsh, tempHome } from '../cli/run-cmlsh.js';
import { call, startReal } from './emulator-harness.js';

const TOKEN = 'durable-key-0123456789';
const home = tempHome();
const children: ChildProcess[] = [];
afterAll(() => home.cleanup());
afterEach(() => {
  for (const child of children.splice(0)) if (child.exitCode === null) child.kill('SIGKILL');
});

const stateDir = () => mkdtempSync(join(tmpdir(), 'cmlsh-state-'));

/** `cmlsh serve` in a child process; resolves with its URL once it listens. */
async function serve(args: string[]): Promise<{ child: ChildProcess; url: string }> {
  const child = spawnCmlsh(['serve', '--token', TOKEN, ...args], home.env());
  children.push(child);
  const lines = createInterface({ input: child.stdout as NodeJS.ReadableStream })[Symbol.asyncIterator]();
  const first = String((await lines.next()).value ?? '');
  expect(first).toMatch(/^listening on /);
  return { child, url: first.slice('listening on '.length) };
}

const api = (url: string, method: string, path: string, body?: unknown) =>
  fetch(`${url}${path}`, {
    method,
    headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });

describe('the emulator keeps what it acknowledged', () => {
  it('never hands out an id again after a restart with --state, nor overwrites saved records', async () => {
    const stateFile = join(stateDir(), 'state.json');
    const first = await startReal({ stateFile, seed: 'none' });
    const a = (await call(first, 'POST', '/api/v2/projects', { body: { name: 'first' } })).body;
    await first.close();
    const second = await startReal({ stateFile, seed: 'none' });
    try {
      const b = (await call(second, 'POST', '/api/v2/projects', { body: { name: 'second' } })).body;
      expect(b.id).not.toBe(a.id);
      expect((await call(second, 'GET', `/api/v2/projects/${a.id}`)).body.name).toBe('first');
    } finally {
      await second.close();
    }
  });

  it('a write answered 200 survives kill -9', async () => {
    const stateFile = join(stateDir(), 'state.json');
    const one = await serve(['--seed', 'none', '--state', stateFile]);
    const made = await api(one.url, 'POST', '/api/v2/projects', { name: 'kept' });
    expect(made.status).toBe(200);
    const id = ((await made.json()) as { id: string }).id;
    one.child.kill('SIGKILL');
    await new Promise((resolve) => one.child.once('exit', resolve));
    const two = await serve(['--seed', 'none', '--state', stateFile]);
    const read = await api(two.url, 'GET', `/api/v2/projects/${id}`);
    expect(read.status).toBe(200);
    expect(((await read.json()) as { name: string }).name).toBe('kept');
    two.child.kill('SIGTERM');
  });

  it('reports a save that fails in the answer to the write', async () => {
    const stateFile = join(stateDir(), 'state.json');
    const emu = await startReal({ stateFile, seed: 'none' });
    try {
      mkdirSync(stateFile); // a folder where the file should go: every save now fails
      const answer = await call(emu, 'POST', '/api/v2/projects', { body: { name: 'unsaved' } });
      expect(answer.status).toBe(500);
      expect(answer.body.message).toContain(`could not be saved to the state file ${stateFile}`);
    } finally {
      await emu.close().catch(() => undefined);
    }
  });

  it('a bad --state file is a one-line usage error naming it', async () => {
    const stateFile = join(stateDir(), 'broken.json');
    writeFileSync(stateFile, '{"format": 1, "collections": [');
    const result = await runCmlsh(['serve', '--token', TOKEN, '--state', stateFile], home.env());
    expect(result.code).toBe(2);
    expect(result.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(result.stderr).toContain(stateFile);
  });

  it('serve --port <busy> is a usage error naming the port', async () => {
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const port = (blocker.address() as { port: number }).port;
    try {
      const result = await runCmlsh(['serve', '--token', TOKEN, '--port', String(port)], home.env());
      expect(result.code).toBe(2);
      expect(result.stderr.trimEnd().split('\n')).toHaveLength(1);
      expect(result.stderr).toContain(`--port ${port}`);
      expect(result.stderr).toContain('already in use');
    } finally {
      blocker.close();
    }
  });
});

describe('oversized bodies', () => {
  it('answers 413 with a runtimeError, declared or streamed, instead of resetting the connection', async () => {
    const emu = await startReal({ seed: 'none', maxBodyBytes: 1024 });
    try {
      const declared = await call(emu, 'POST', '/api/v2/projects', { body: { name: 'x'.repeat(4096) } });
      expect(declared.status).toBe(413);
      expect(declared.body).toMatchObject({ code: 8, message: expect.stringContaining('1024 bytes') });

      const streamed = await new Promise<{ status: number; text: string }>((resolve, reject) => {
        const req = request(`${emu.url}/api/v2/projects`, {
          method: 'POST',
          headers: { authorization: 'Bearer demo-token', 'content-type': 'application/json' },
        });
        req.on('response', (res) => {
          let text = '';
          res.on('data', (chunk) => {
            text += chunk;
          });
          res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
        });
        req.on('error', reject);
        for (let i = 0; i < 4; i++) req.write('x'.repeat(1000));
        req.end();
      });
      expect(streamed.status).toBe(413);
      expect(JSON.parse(streamed.text).code).toBe(8);
      // The connection stays usable for the next request.
      expect((await call(emu, 'GET', '/api/v2/projects')).status).toBe(200);
    } finally {
      await emu.close();
    }
  });
});
