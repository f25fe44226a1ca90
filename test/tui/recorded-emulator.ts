import { type Api, connect } from '../../src/api/index.js';
import { type Emulator, startEmulator } from '../../src/emulator/index.js';
import { realSpec, realSpecDocument } from '../helpers/real-spec.js';
import { startRecordingServer } from '../helpers/recording-server.js';

export interface RecordedEmulator {
  readonly api: Api;
  /** Base URL the api calls: the recording proxy in front of the emulator. */
  readonly url: string;
  /** Path and query of every request that went through, in order. */
  readonly urls: () => string[];
  close(): Promise<void>;
}

/**
 * The emulator on the real spec behind a loopback proxy that records each request, and an
 * api against the proxy: tests see exactly what the browser put on the wire.
 */
export async function startRecordedEmulator(seedProjects = 12): Promise<RecordedEmulator> {
  const token = 'browse-token';
  const emulator: Emulator = await startEmulator({
    document: realSpecDocument(),
    tokens: [token],
    seedProjects,
  });
  const proxy = await startRecordingServer((request, res) => {
    void (async () => {
      const answer = await fetch(`${emulator.url}${request.url}`, {
        method: request.method,
        headers: { authorization: String(request.headers.authorization ?? '') },
        ...(request.body.length ? { body: new Uint8Array(request.body) } : {}),
      });
      res.writeHead(answer.status, {
        'content-type': answer.headers.get('content-type') ?? 'application/json',
      });
      res.end(Buffer.from(await answer.arrayBuffer()));
    })();
  });
  const { api } = await connect({ host: proxy.url, token, loadedSpec: realSpec(), retry: { tries: 1 } });
  return {
    api,
    url: proxy.url,
    urls: () => proxy.requests.map((r) => r.url),
    async close() {
      await proxy.close();
      await emulator.close();
    },
  };
}
