import { createReadStream } from 'node:fs';
import { mkdtemp, rm, truncate, writeFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connect } from '../../src/api/index.js';
import { readStdinSecret } from '../../src/auth/index.js';
import { CmlUsageError } from '../../src/errors/index.js';
import { builtinSpec } from '../../src/spec/index.js';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'cmlsh-limits-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

/** A loopback server that counts the bytes of each upload and keeps none of them. */
async function countingServer() {
  const received: number[] = [];
  const server = createServer((req, res) => {
    let bytes = 0;
    req.on('data', (chunk: Buffer) => {
      bytes += chunk.length;
    });
    req.on('end', () => {
      received.push(bytes);
      res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    received,
    close: () => new Promise((resolve) => server.close(resolve)),
  };
}

describe('uploads', () => {
  it('a file is sent whole from disk, its bytes read when the request goes out', async () => {
    const path = join(dir, 'big.bin');
    await writeFile(path, '');
    await truncate(path, 8 * 2 ** 20); // sparse: costs no disk
    const server = await countingServer();
    try {
      const { api } = await connect({ host: server.url, token: 'k', loadedSpec: builtinSpec() });
      await api.uploadFile!({ projectId: 'p', file: path });
      expect(server.received[0]).toBeGreaterThan(8 * 2 ** 20);
    } finally {
      await server.close();
    }
  });

  it('a device such as /dev/zero is refused before anything is sent', async () => {
    const server = await countingServer();
    try {
      const { api } = await connect({ host: server.url, token: 'k', loadedSpec: builtinSpec() });
      const error = await api.uploadFile!({ projectId: 'p', file: '/dev/zero' }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(CmlUsageError);
      expect((error as Error).message).toBe(
        'uploadFile: cannot read file "/dev/zero": not a regular file (a device, FIFO or folder cannot be uploaded)',
      );
      expect(server.received).toEqual([]);
    } finally {
      await server.close();
    }
  });
});

describe('--token-stdin', () => {
  it('stops reading /dev/zero after 64 KiB with a one-line error', async () => {
    const error = await readStdinSecret(createReadStream('/dev/zero')).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CmlUsageError);
    expect((error as Error).message).toBe(
      '--token-stdin: more than 64 KiB on stdin, which is not an API key; pipe in the key alone',
    );
  });
});
