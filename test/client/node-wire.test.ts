import type { Socket } from 'node:net';
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

  it('an answer marked compressed but empty (a 204, an empty body) is read as empty, not retried', async () => {
    server = await startRecordingServer((req, res) => {
      if (req.method === 'DELETE') {
        res.writeHead(204, { 'content-encoding': 'gzip' });
        res.end();
      } else {
        res.writeHead(200, {
          'content-type': 'application/json',
          'content-encoding': 'gzip',
          'content-length': '0',
        });
        res.end();
      }
    });
    const transport = createTransport({ baseUrl: server.url, token: 't' });
    const deleted = await transport.request({
      method: 'DELETE',
      path: '/api/v2/projects/p1',
      idempotent: true,
    });
    expect(deleted.status).toBe(204);
    const empty = await transport.request(get);
    expect(empty.data).toEqual({});
    expect(server.requests).toHaveLength(2);
  });

  it.each([
    ['a redirect', { location: '/elsewhere' }, 302],
    ['a body declared over the limit', { 'content-length': '5000' }, 200],
  ])('lets the connection go at once after %s it does not read', async (_what, headers, status) => {
    server = await startRecordingServer((_req, res) => {
      res.writeHead(status, { 'content-type': 'application/json', ...headers });
      res.write('{"x":'); // and the rest never comes
    });
    // Only the client's letting go can close it: the server would keep it a minute.
    server.server.keepAliveTimeout = 60_000;
    const sockets: Socket[] = [];
    server.server.on('connection', (socket) => sockets.push(socket));
    const transport = createTransport({ baseUrl: server.url, token: 't', maxResponseBytes: 1000 });
    await caught(transport.request(get));
    const socket = sockets[0];
    expect(socket).toBeDefined();
    if (socket && !socket.destroyed) await new Promise((resolve) => socket.once('close', resolve));
    expect(socket?.destroyed).toBe(true);
  });

  it('sends a form with its length, not chunked', async () => {
    server = await startRecordingServer();
    const form = new FormData();
    form.append('file', new Blob([Buffer.from('hello, world')]), 'notes.txt');
    await createTransport({ baseUrl: server.url, token: 't' }).request({
      method: 'POST',
      path: '/api/v2/projects/p1/files',
      form,
      idempotent: false,
    });
    const seen = server.requests[0];
    expect(seen?.headers['transfer-encoding']).toBeUndefined();
    expect(Number(seen?.headers['content-length'])).toBe(seen?.body.length);
    expect(seen?.body.toString()).toContain('hello, world');
    expect(seen?.headers['content-type']).toMatch(/^multipart\/form-data; boundary=/);
  });
});
