import { afterEach, describe, expect, it } from 'vitest';
import { type Api, connect, PAGING_LIMITS } from '../../src/api/index.js';
import { CmlResponseError } from '../../src/errors/index.js';
import { builtinSpec } from '../../src/spec/index.js';
import { startRecordingServer } from '../helpers/recording-server.js';
import { renderBrowser } from '../tui/harness.js';

/**
 * Two servers whose paging never ends: one hands back a token it gave before, one sends
 * empty pages forever, each with a fresh token. Every way of going on must stop both.
 */
type Hostility = 'repeats-token' | 'empty-forever';

let server: Awaited<ReturnType<typeof startRecordingServer>> | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function hostileApi(kind: Hostility): Promise<Api> {
  let n = 0;
  server = await startRecordingServer((_req, res) => {
    n++;
    const body =
      kind === 'repeats-token'
        ? { projects: [{ id: `p${n}`, name: `project-${n}` }], next_page_token: 'again' }
        : { projects: [], next_page_token: `fresh-${n}` };
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify(body));
  });
  return (await connect({ host: server.url, token: 'k', loadedSpec: builtinSpec() })).api;
}

const STOPS = {
  'repeats-token': /sent the page token "again" on page 2 that it sent on page 1; stopping/,
  'empty-forever': new RegExp(`sent ${PAGING_LIMITS.maxEmptyPages} empty pages in a row`),
} as const;

describe.each(['repeats-token', 'empty-forever'] as const)('a server whose paging %s', (kind) => {
  it('stops .all() with a named error', async () => {
    const api = await hostileApi(kind);
    const error = await api.listProjects!.all!({}).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(CmlResponseError);
    expect((error as Error).message).toMatch(STOPS[kind]);
    expect(server?.requests.length).toBeLessThanOrEqual(PAGING_LIMITS.maxEmptyPages + 1);
  });

  it('stops nextPage (what `it` calls) the same way', async () => {
    const api = await hostileApi(kind);
    let page = (await api.listProjects!({})) as { nextPage(): Promise<unknown> } | undefined;
    let error: unknown;
    for (let i = 0; page && i < 100 && !error; i++) {
      page = (await page.nextPage().catch((e: unknown) => {
        error = e;
        return undefined;
      })) as typeof page;
    }
    expect(error).toBeInstanceOf(CmlResponseError);
    expect((error as Error).message).toMatch(STOPS[kind]);
  });

  it("stops the browser's a (load all) with the error in the status line, rows kept", async () => {
    const api = await hostileApi(kind);
    const ui = await renderBrowser(await api.listProjects!({}));
    await ui.waitFor(kind === 'repeats-token' ? 'project-1' : 'rows');
    await ui.press('a');
    await ui.waitFor('stopping');
    expect(ui.frame()).toMatch(kind === 'repeats-token' ? /sent the page token/ : /empty pages in a row/);
    if (kind === 'repeats-token') expect(ui.frame()).toContain('project-2');
    ui.unmount();
  });
});
