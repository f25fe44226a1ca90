import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { KEY, renderBrowser } from './harness.js';
import { type PageServer, startPageServer } from './page-server.js';

let server: PageServer;
beforeEach(async () => {
  server = await startPageServer(45, 20);
});
afterEach(async () => {
  await server.close();
});

describe('paging', () => {
  it('n fetches page 2 lazily, p goes back without fetching again', async () => {
    const ui = await renderBrowser(await server.api.listProjects!({ pageSize: 20 }));
    await ui.waitFor('project-0');
    expect(server.requests).toEqual(['']);
    await ui.press('n');
    await ui.waitFor('page 2 of 2+');
    expect(ui.frame()).toContain('40 rows loaded');
    expect(server.requests).toEqual(['', '20']);
    await ui.press('p');
    await ui.waitFor('page 1 of 2+');
    await ui.press('n');
    await ui.waitFor('page 2 of 2+');
    expect(server.requests).toEqual(['', '20']);
    ui.unmount();
  });

  it('reaching the end of the loaded rows fetches the next page, with a spinner', async () => {
    server.hold.add(2);
    const ui = await renderBrowser(await server.api.listProjects!({ pageSize: 20 }));
    await ui.waitFor('project-0');
    await ui.press(KEY.end);
    await ui.waitFor('loading page 2');
    expect(ui.frame()).toMatch(/[⠋⠙⠹⠸⠼⠴⠦⠧⠇⠏] loading page 2/);
    server.release();
    await ui.waitFor('40 rows loaded');
    expect(server.requests).toEqual(['', '20']);
    ui.unmount();
  });

  it('a loads every page with a progress bar; a pending call works as a source', async () => {
    server.hold.add(3);
    const ui = await renderBrowser(server.api.listProjects!({ pageSize: 20 }));
    await ui.waitFor('20 rows loaded');
    await ui.press('a');
    await ui.waitFor('40 rows · 2 pages · Esc stops');
    expect(ui.frame()).toMatch(/\[[█░]+\] 40 rows/);
    server.release();
    await ui.waitFor('45 rows loaded · all loaded');
    expect(server.requests).toEqual(['', '20', '40']);
    ui.unmount();
  });

  it('Esc stops load-all and keeps the rows', async () => {
    server.hold.add(2);
    const ui = await renderBrowser(await server.api.listProjects!({ pageSize: 20 }));
    await ui.waitFor('project-0');
    await ui.press('a');
    await ui.waitFor('Esc stops');
    await ui.press(KEY.escape);
    await ui.waitFor('? help · q quit');
    expect(ui.frame()).toContain('20 rows loaded · more on the server');
    expect(ui.frame()).not.toContain('✖');
    ui.unmount();
  });

  it('a failed page shows in the status line, rows stay, r retries', async () => {
    server.failOnce.add(2);
    const ui = await renderBrowser(await server.api.listProjects!({ pageSize: 20 }));
    await ui.waitFor('project-0');
    await ui.press('n');
    await ui.waitFor('page 2 is broken');
    expect(ui.frame()).toContain('r retries');
    expect(ui.frame()).toContain('20 rows loaded');
    expect(ui.frame()).toContain('project-0');
    await ui.press('r');
    await ui.waitFor('40 rows loaded');
    expect(ui.frame()).not.toContain('page 2 is broken');
    expect(server.requests).toEqual(['', '20', '20']);
    ui.unmount();
  });

  it('a pending call whose first page fails rejects with its error; nothing is drawn', async () => {
    server.failOnce.add(1);
    await expect(renderBrowser(server.api.listProjects!({ pageSize: 20 }))).rejects.toThrow(
      'page 1 is broken',
    );
    expect(server.requests).toEqual(['']);
  });

  it('n right after a pending call’s first page always lands on page 2', async () => {
    // Once, a render between a page's arrival and its state showed the new page without
    // its rows, and the jump to it was dropped. Repeated, because it was a race.
    for (let i = 0; i < 10; i++) {
      const ui = await renderBrowser(server.api.listProjects!({ pageSize: 10 }));
      await ui.waitFor('project-0');
      ui.stdin.write('n');
      await ui.waitFor('page 2 of');
      ui.unmount();
    }
  });

  it('pages from an async iterable (api.listProjects.pages())', async () => {
    const ui = await renderBrowser(server.api.listProjects!.pages!({ pageSize: 20 }));
    await ui.waitFor('20 rows loaded');
    await ui.press('a');
    await ui.waitFor('45 rows loaded · all loaded');
    expect(server.requests).toEqual(['', '20', '40']);
    ui.unmount();
  });

  it('300 n in one read while pages load: every n counts, pages come one at a time, it ends on the last', async () => {
    const ui = await renderBrowser(await server.api.listProjects!({ pageSize: 20 }));
    await ui.waitFor('project-0');
    ui.stdin.write('n'.repeat(300));
    await ui.waitFor('page 3 of 3');
    await ui.waitFor('that was the last page');
    expect(server.requests).toEqual(['', '20', '40']);
    ui.unmount();
  });
});
