import type { ServerResponse } from 'node:http';
import { createServer } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { createTransport, requestsSent } from '../../src/client/index.js';
import { caught } from '../helpers/caught.js';
import { startRecordingServer } from '../helpers/recording-server.js';

let server: Awaited<ReturnType<typeof startRecordingServer>> | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

/** A server that has the request and holds its answer until `answer()` is called. */
async function holdingServer() {
  let held: ServerResponse | undefined;
  let arrived: () => void = () => {};
  const received = new Promise<void>((resolve) => {
    arrived = resolve;
  });
  server = await startRecordingServer((_request, res) => {
    held = res;
    arrived();
  });
  const answer = () => {
    held?.writeHead(200, { 'content-type': 'application/json' });
    held?.end('{"projects":[]}');
  };
  return { url: server.url, received, answer };
}

describe('requestsSent', () => {
  it('resolves once the request is on the wire, while the server still holds the answer', async () => {
    const { url, received, answer } = await holdingServer();
    const transport = createTransport({ baseUrl: url, token: 't' });
    let answered = false;
    const call = transport
      .request({ method: 'GET', path: '/api/v2/projects', idempotent: true })
      .then((response) => {
        answered = true;
        return response;
      });
    await requestsSent();
    // The work that waited for this runs while the server thinks: the request is there.
    await received;
    expect(answered).toBe(false);
    answer();
    expect((await call).data).toEqual({ projects: [] });
  });

  it('resolves at once when nothing is being sent, and for a request that never got out', async () => {
    await requestsSent();
    // A port nobody listens on: the connection is refused, the request never sent.
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const address = closed.address();
    const port = typeof address === 'object' && address ? address.port : 0;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const transport = createTransport({ baseUrl: `http://127.0.0.1:${port}`, retry: { tries: 1 } });
    const call = caught(transport.request({ method: 'GET', path: '/x', idempotent: true }));
    await requestsSent();
    expect((await call).name).toBe('CmlNetworkError');
  });

  it('does not wait past a moment for a request stuck before it is sent (a TLS handshake that never ends)', async () => {
    // Accepts connections and never says a word: the https request is never written.
    const mute = createServer(() => {});
    await new Promise<void>((resolve) => mute.listen(0, '127.0.0.1', resolve));
    const address = mute.address();
    const port = typeof address === 'object' && address ? address.port : 0;
    try {
      const transport = createTransport({ baseUrl: `https://127.0.0.1:${port}`, timeoutMs: 3000 });
      const call = caught(transport.request({ method: 'GET', path: '/x', idempotent: true }));
      const first = await Promise.race([requestsSent().then(() => 'sent'), call.then(() => 'settled')]);
      expect(first).toBe('sent');
      expect((await call).name).toBe('CmlTimeoutError');
    } finally {
      mute.close();
    }
  });
});
