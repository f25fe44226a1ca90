import { stripVTControlCharacters } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { API_META, connect, type Page } from '../../src/api/index.js';
import type { Sink } from '../../src/cli/output/sink.js';
import { writeResult } from '../../src/cli/output/write-result.js';
import { type Emulator, startEmulator } from '../../src/emulator/index.js';
import { itemSchemaOf } from '../../src/present/index.js';
import { formatResult } from '../../src/repl/format-result.js';
import { createBrowserHarness } from '../helpers/browser-harness.js';
import { realSpec, realSpecDocument } from '../helpers/real-spec.js';

let emulator: Emulator;
let api: Awaited<ReturnType<typeof connect>>['api'];

beforeAll(async () => {
  emulator = await startEmulator({ document: realSpecDocument(), tokens: ['t0ken-same'], seedProjects: 6 });
  ({ api } = await connect({
    host: emulator.url,
    token: 't0ken-same',
    loadedSpec: realSpec(),
    retry: { tries: 1 },
  }));
});
afterAll(() => emulator.close());

/** `call -o table` into a terminal `width` columns wide. */
async function cliTable(page: Page, width: number): Promise<string> {
  let out = '';
  const sink: Sink = {
    columns: width,
    write: async (text) => {
      out += String(text);
    },
    flush: async () => {},
    closing: () => {},
  };
  const spec = api[API_META].spec;
  await writeResult(page, 'table', sink, itemSchemaOf(api[API_META].operations.get(pageOp(page)), spec));
  return stripVTControlCharacters(out);
}

const pageOp = (page: Page) =>
  (page as unknown as { [k: symbol]: { operation: { name: string } } })[Symbol.for('cmlsh.page')]!.operation
    .name;

/** The header words of a table: the column titles in order. */
const titles = (line: string | undefined) => (line ?? '').trim().split(/\s+/);

async function browserHeader(page: Page, width: number): Promise<string[]> {
  const harness = createBrowserHarness(page, { columns: width, rows: 24, spec: api[API_META].spec });
  await harness.ready();
  const header = harness.lastFrame().split('\n')[1];
  await harness.unmount();
  // The browser also says how many columns it left out ("+2 hidden (c)").
  return titles(header?.replace(/\s+\+\d+ hidden \(c\)$/, ''));
}

describe('one listing, the same columns in the shell, call -o table and the browser', () => {
  const listings: [string, () => Promise<Page>][] = [
    ['projects', () => api.listProjects!({ pageSize: 5 }) as Promise<Page>],
    [
      'jobs',
      async () => {
        const projects = (await api.listProjects!({ pageSize: 1 })) as Page;
        const project = projects.items[0] as { id: string };
        return api.listJobs!({ projectId: project.id, pageSize: 5 }) as Promise<Page>;
      },
    ],
  ];
  for (const [name, list] of listings) {
    for (const width of [80, 160]) {
      it(`${name} at ${width} columns`, async () => {
        const page = await list();
        expect(page.items.length).toBeGreaterThan(0);
        const shell = formatResult(page, { json: false, colors: false, width, spec: api[API_META].spec });
        const cli = await cliTable(page, width);
        const shellTitles = titles(shell.split('\n')[0]);
        expect(titles(cli.split('\n')[0])).toEqual(shellTitles);
        expect(await browserHeader(page, width)).toEqual(shellTitles);
        expect(shellTitles[0]).toBe('id');
        // Every id of the page is on the screen whole, at any width.
        for (const item of page.items as { id: string }[]) {
          expect(shell).toContain(item.id);
          expect(cli).toContain(item.id);
        }
        for (const line of shell.split('\n')) expect(line.length).toBeLessThanOrEqual(width);
      });
    }
  }
});
