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

describe('table view', () => {
  it('shows the header and the schema columns of the first page', async () => {
    const page = await server.api.listProjects!({ pageSize: 20 });
    const ui = await renderBrowser(page);
    await ui.waitFor('project-0');
    const lines = ui.frame().split('\n');
    expect(lines[0]).toContain('listProjects');
    expect(lines[0]).toContain('page 1 of 1+');
    expect(lines[0]).toContain('20 rows loaded');
    expect(lines[0]).toContain('more on the server');
    expect(lines[1]).toMatch(/id\s+name\s+owner\s+created_at/);
    expect(ui.frame()).toContain('p0000');
    ui.unmount();
  });

  it('moves the cursor down with ↓', async () => {
    const ui = await renderBrowser(await server.api.listProjects!({ pageSize: 20 }));
    await ui.waitFor('project-0');
    await ui.press(KEY.down, KEY.down);
    await ui.press(KEY.enter);
    await ui.waitFor('detail');
    expect(ui.frame()).toContain('"project-2"');
    ui.unmount();
  });

  it('one row is "1 row", not "1 rows"', async () => {
    const ui = await renderBrowser([{ id: 'only', name: 'one' }]);
    await ui.waitFor('1 row loaded · all loaded');
    await ui.press('/', 'o');
    await ui.waitFor('1 of 1 loaded row match "o"');
    ui.unmount();
  });
});
