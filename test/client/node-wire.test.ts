import { brotliCompressSync, deflateSync, gzipSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { createTransport } from '../../src/client/index.js';
import { CmlResponseError } from '../../src/errors/index.js';
import { caught } from '../helpers/caught.js';
import { startRecordingServer } from '../helpers/recording-server.js';

let server: Awaited<ReturnType<typeof startRecordingServer>> | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const get = { method: 'GET', path: '/api/v2/projects', idempotent: true } as const;
const page = { projects: [{ id: 'p1', name: 'churn' }], next_page_token: '' };

describe("the transport's own wire (Node's http)", () => {
  it.each([
    ['gzip', gzipSync],
    ['deflate', deflateSync],
    ['br', brotliCompressSync],
  ])('asks for compressed answers and reads a %s one, as fetch did', async (encoding, compress) => {
    server = await startRecordingServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json', 'content-encoding': encoding });
      res.end(compress(Buffer.from(JSON.stringify(page))));
    });
    const response = await createTransport({ baseUrl: server.url, token: 't' }).request(get);
    expect(response.data).toEqual(page);
    expect(server.requests[0]?.headers['accept-encoding']).toBe('gzip, deflate, br');
  });

  it('keeps the connection: one after another, requests share one socket', async () => {
    server = await startRecordingServer();
    const ports = new Set<number>();
    server.server.on('connection', (socket) => ports.add(socket.remotePort ?? 0));
    const transport = createTransport({ baseUrl: server.url, token: 't' });
    for (let i = 0; i < 5; i++) await transport.request(get);
    expect(server.requests).toHaveLength(5);
    expect(ports.size).toBe(1);
  });

  it('does not follow a redirect (the key would go along): it says where it pointed', async () => {
    server = await startRecordingServer((_req, res) => {
      res.writeHead(301, { location: 'https://ml-new.example.com/api/v2/projects' });
      res.end('moved');
    });
    const error = await caught(createTransport({ baseUrl: server.url, token: 't' }).request(get));
    expect(error).toBeInstanceOf(CmlResponseError);
    expect(error.message).toBe(
      `The server answered HTTP 301, a redirect to https://ml-new.example.com/api/v2/projects, which is not followed: if the workspace has moved, connect to https://ml-new.example.com instead — GET ${server.url}/api/v2/projects`,
    );
    expect(server.requests).toHaveLength(1);
  });
});
