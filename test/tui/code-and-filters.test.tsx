import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callAsCode, type Page } from '../../src/api/index.js';
import { KEY, renderBrowser } from './harness.js';
import { startPageServer } from './page-server.js';
import { type RecordedEmulator, startRecordedEmulator } from './recorded-emulator.js';

let emu: RecordedEmulator;
beforeAll(async () => {
  emu = await startRecordedEmulator();
});
afterAll(() => emu.close());

const osc52Of = (text: string) => `\u001B]52;c;${Buffer.from(text).toString('base64')}`;

/** The table's row lines: between the column header and the two status lines. */
const tableRows = (frame: string) =>
  frame
    .split('\n')
    .slice(2, -2)
    .filter((line) => line.trim() !== '');

describe('copy as code (x)', () => {
  it('shows the list call as JavaScript, curl and Python; y copies the shown one over OSC 52', async () => {
    const project = ((await emu.api.listProjects!({ pageSize: 1 })) as Page).items[0] as { id: string };
    const jobs = (await emu.api.listJobs!({ projectId: project.id, pageSize: 2 })) as Page;
    const code = callAsCode(emu.api.listJobs!.operation, { projectId: project.id, pageSize: 2 }, emu.url);
    const ui = await renderBrowser(jobs, { api: emu.api });
    await ui.waitFor('page 1');
    await ui.press('x');
    await ui.waitFor('JavaScript (cmlsh)');
    expect(ui.frame()).toContain(
      `for await (const item of api.listJobs.all({ projectId: "${project.id}", pageSize: 2 })) {`,
    );
    await ui.press('2');
    await ui.waitFor('curl -sS -X GET');
    // Long lines fold at the screen's edge instead of being cut.
    expect(ui.frame().replaceAll('\n', '')).toContain(
      `"${emu.url}/api/v2/projects/${project.id}/jobs?page_size=2&page_token=$token"`,
    );
    expect(ui.frame()).toContain('-H "Authorization: Bearer $API_KEY"');
    await ui.press('3');
    await ui.waitFor('import cmlapi');
    expect(ui.frame()).toContain(
      `page = api.list_jobs(project_id="${project.id}", page_size=2, page_token=token)`,
    );
    await ui.press('y');
    await ui.waitFor(
      `copied the Python (cmlapi) call (${code.python.split('\n').length} lines) to the clipboard`,
    );
    expect(ui.stdout.frames.some((f) => f.includes(osc52Of(code.python)))).toBe(true);
    // The overlay closed back onto the table.
    expect(ui.frame()).not.toContain('import cmlapi');
    ui.unmount();
  });

  it("in the detail view it is the item's own GET; without an api the host is $CML_HOST", async () => {
    const page = (await emu.api.listProjects!({ pageSize: 3 })) as Page;
    const project = page.items[1] as { id: string };
    const ui = await renderBrowser(page);
    await ui.waitFor('page 1');
    await ui.press(KEY.down, KEY.enter);
    await ui.waitFor('› detail');
    await ui.press('x');
    await ui.waitFor('JavaScript (cmlsh)');
    expect(ui.frame()).toContain(`await api.getProject({ projectId: "${project.id}" })`);
    await ui.press(KEY.right);
    await ui.waitFor(`curl -sS -X GET '$CML_HOST/api/v2/projects/${project.id}'`);
    await ui.press(KEY.escape);
    await ui.waitFor('› detail');
    expect(ui.frame()).toContain(`id: "${project.id}"`);
    ui.unmount();
  });
});

describe('filters that tell the truth', () => {
  it('the / filter says how much it has not seen, and stops saying so once all is loaded', async () => {
    const server = await startPageServer(45, 20);
    try {
      const ui = await renderBrowser(await server.api.listProjects!({ pageSize: 20 }));
      await ui.waitFor('project-0');
      await ui.press('/');
      await ui.type('project-1');
      await ui.press(KEY.enter);
      await ui.waitFor('loaded rows match');
      expect(ui.frame()).toContain('11 of 20 loaded rows match "project-1"; more pages not fetched');
      await ui.press('a');
      await ui.waitFor('of 45 loaded rows match');
      expect(ui.frame()).toContain('11 of 45 loaded rows match "project-1"');
      expect(ui.frame()).not.toContain('not fetched');
      ui.unmount();
    } finally {
      await server.close();
    }
  });

  it('S reloads from page 1 with the filter as search_filter; every row shown matches; Esc goes back', async () => {
    const ui = await renderBrowser(await emu.api.listProjects!({ pageSize: 5 }), { api: emu.api });
    await ui.waitFor('page 1');
    await ui.press('/');
    await ui.type('fraud');
    await ui.press(KEY.enter);
    await ui.waitFor('more pages not fetched');
    const before = emu.urls().length;
    await ui.press('S');
    await ui.waitFor('search_filter {"name":"fraud"} on the server');
    await ui.waitFor(/^listProjects › name~"fraud" · page 1/);
    const sent = emu.urls().slice(before);
    expect(sent).toHaveLength(1);
    const query = new URL(sent[0] ?? '', 'http://x').searchParams;
    expect(JSON.parse(query.get('search_filter') ?? '')).toEqual({ name: 'fraud' });
    expect(query.get('page_size')).toBe('5');
    expect(query.has('page_token')).toBe(false);
    expect(ui.frame().split('\n')[0]).toContain('listProjects › name~"fraud" ·');
    const rows = tableRows(ui.frame());
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) expect(row).toContain('fraud');
    await ui.press(KEY.escape);
    await ui.waitFor(/^listProjects · page 1/);
    // The filter went to the server: the view below does not keep filtering by it.
    expect(ui.frame()).not.toContain('loaded rows match');
    expect(tableRows(ui.frame()).length).toBe(5);
    ui.unmount();
  });

  it('S says so when the operation takes no search_filter, or without an api', async () => {
    const project = ((await emu.api.listProjects!({ pageSize: 1 })) as Page).items[0] as { id: string };
    const experiments = await emu.api.listExperiments!({ projectId: project.id });
    const ui = await renderBrowser(experiments, { api: emu.api });
    await ui.waitFor('page 1');
    await ui.press('/', 'x', KEY.enter, 'S');
    await ui.waitFor('listExperiments takes no search_filter; the filter stays on loaded rows');
    ui.unmount();

    const offline = await renderBrowser(await emu.api.listProjects!({ pageSize: 5 }));
    await offline.waitFor('page 1');
    await offline.press('/', 'a', KEY.enter, 'S');
    await offline.waitFor('filtering on the server needs the api');
    offline.unmount();
  });
});
