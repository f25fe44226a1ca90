import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { realSpecDocument } from '../helpers/real-spec.js';
import { startRecordingServer } from '../helpers/recording-server.js';
import { runCmlsh, type TempHome, tempHome } from './run-cmlsh.js';

// A workspace that answers its spec, and `{ projects: [] }` to everything else.
let workspace: Awaited<ReturnType<typeof startRecordingServer>>;
let home: TempHome;
beforeAll(async () => {
  workspace = await startRecordingServer((req, res) => {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify(req.url === '/api/v2/swagger.json' ? realSpecDocument() : { projects: [] }));
  });
});
afterAll(() => workspace.close());
afterEach(() => home.cleanup());

const specFetches = () => workspace.requests.filter((r) => r.url === '/api/v2/swagger.json').length;

describe('--refresh-spec', () => {
  it('fetches the workspace spec again although the cached one is young', async () => {
    home = tempHome();
    const env = home.env({ CML_HOST: workspace.url, CML_API_KEY: 'refresh-token-0123456789' });
    const call = (...flags: string[]) => runCmlsh(['call', 'listProjects', '-o', 'json', ...flags], env);
    expect((await call()).code).toBe(0);
    expect(specFetches()).toBe(1);
    expect((await call()).code).toBe(0);
    expect(specFetches()).toBe(1);
    const refreshed = await call('--refresh-spec');
    expect([refreshed.code, refreshed.stderr]).toEqual([0, '']);
    expect(specFetches()).toBe(2);
  });
});
