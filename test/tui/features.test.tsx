import { describe, expect, it } from 'vitest';
import { KEY, renderBrowser, until } from './harness.js';
import { project } from './page-server.js';

const rows = Array.from({ length: 200 }, (_, i) => project(i));

describe('filter, sort, columns, help', () => {
  it('/ filters loaded rows as you type; Enter keeps it, status counts, Esc clears', async () => {
    const ui = await renderBrowser(rows);
    await ui.waitFor('project-0');
    await ui.press('/');
    await ui.type('project-1');
    await ui.waitFor('/project-1');
    // Applied while typing.
    expect(ui.frame()).toContain('111 of 200 loaded rows match "project-1"');
    await ui.press(KEY.enter);
    await ui.waitFor('of 200 loaded rows match');
    expect(ui.frame()).toContain('111 of 200 loaded rows match "project-1"');
    expect(ui.frame()).not.toContain('project-0 ');
    await ui.press(KEY.escape);
    await ui.waitFor('project-0 ');
    expect(ui.frame()).not.toContain('loaded rows match');
    ui.unmount();
  });

  it('s sorts by the chosen column, again for descending', async () => {
    const ui = await renderBrowser(rows);
    await ui.waitFor('project-0');
    await ui.press('s');
    await ui.waitFor('Sort by');
    await ui.press(KEY.down, KEY.enter); // name
    await ui.waitFor('sorted by name asc');
    expect(ui.frame().split('\n')[2]).toContain('project-0');
    expect(ui.frame().split('\n')[1]).toContain('name ▲');
    await ui.press('s', KEY.enter);
    await ui.waitFor('sorted by name desc');
    expect(ui.frame().split('\n')[2]).toContain('project-199');
    ui.unmount();
  });

  it('c toggles columns', async () => {
    const ui = await renderBrowser(rows);
    await ui.waitFor('project-0');
    expect(ui.frame().split('\n')[1]).toMatch(/\bowner\b/);
    await ui.press('c');
    await ui.waitFor('[x] id');
    const list = ui.frame();
    const ownerLine = list.split('\n').findIndex((line) => line.includes('owner.username'));
    const idLine = list.split('\n').findIndex((line) => line.includes('[x] id'));
    for (let i = idLine; i < ownerLine; i++) await ui.press(KEY.down);
    await ui.press(' ');
    await ui.waitFor('[ ] owner.username');
    const description = ui
      .frame()
      .split('\n')
      .findIndex((line) => line.includes('[ ] description'));
    for (let i = ownerLine; i < description; i++) await ui.press(KEY.down);
    await ui.press(' ', KEY.escape);
    await ui.waitFor('project-0');
    const header = ui.frame().split('\n')[1] ?? '';
    expect(header).not.toMatch(/\bowner\b/);
    expect(header).toContain('description');
    ui.unmount();
  });

  it('? shows the key help, any key closes it', async () => {
    const ui = await renderBrowser(rows);
    await ui.waitFor('project-0');
    await ui.press('?');
    await ui.waitFor('Keys — table');
    expect(ui.frame()).toContain('load all pages');
    await ui.press('x');
    await ui.waitFor('project-0');
    expect(ui.frame()).not.toContain('Keys — table');
    ui.unmount();
  });

  it('Space marks rows and q leaves with the marked items', async () => {
    const ui = await renderBrowser(rows);
    await ui.waitFor('project-0');
    await ui.press(' ', KEY.down, ' ');
    await ui.waitFor('2 marked');
    expect(ui.frame()).toMatch(/\* p0000/);
    await ui.press('q');
    expect(ui.exited()?.value).toEqual([rows[0], rows[2]]);
    ui.unmount();
  });
});

describe('detail view', () => {
  it('Enter opens the JSON tree; fold, y copies, Esc returns with the cursor kept', async () => {
    const ui = await renderBrowser(rows);
    await ui.waitFor('project-0');
    await ui.press(KEY.down, KEY.down, KEY.down, KEY.enter);
    await ui.waitFor('› detail');
    expect(ui.frame()).toContain('name: "project-3"');
    expect(ui.frame()).toContain('▾ owner: {2}');
    // root → id → name → owner
    await ui.press(KEY.down, KEY.down, KEY.down, KEY.left);
    await ui.waitFor('▸ owner: {…2}');
    expect(ui.frame()).not.toContain('User 0');
    await ui.press(KEY.right);
    await ui.waitFor('▾ owner: {2}');
    await ui.press(KEY.down, 'y');
    await ui.waitFor('copied owner.username');
    expect(
      ui.stdout.frames.some((f) =>
        f.includes(`\u001B]52;c;${Buffer.from('owner.username').toString('base64')}`),
      ),
    ).toBe(true);
    await ui.press(KEY.home, 'y');
    await ui.waitFor('copied p0003');
    await ui.press(KEY.escape);
    await ui.waitFor('id ');
    await ui.press(KEY.enter);
    await ui.waitFor('name: "project-3"');
    await ui.press('q');
    expect(ui.exited()?.value).toEqual(rows[3]);
    ui.unmount();
  });

  it('a value that is not a list opens in the detail view', async () => {
    const ui = await renderBrowser({ id: 'x1', tags: ['a', 'b'] });
    await ui.waitFor('tags');
    expect(ui.frame()).toContain('[0]: "a"');
    ui.unmount();
  });
});

describe('bursts of keys', () => {
  it('text read in one chunk is handled key by key (paste into the filter, then Enter)', async () => {
    const ui = await renderBrowser(rows);
    await ui.waitFor('project-0');
    await ui.press('/');
    await ui.press('project-19\r');
    await ui.waitFor('loaded rows match');
    expect(ui.frame()).toContain('11 of 200 loaded rows match "project-19"');
    await ui.press(' q');
    expect(ui.exited()?.value).toEqual([rows[19]]);
    ui.unmount();
  });

  it('a 200-character paste at / in one read: the prompt holds all of it, the table says nothing matches', async () => {
    const ui = await renderBrowser(rows);
    await ui.waitFor('project-0');
    await ui.press('/');
    const text = 'project-1'.padEnd(200, 'z');
    ui.stdin.write(text);
    await ui.waitFor('0 of 200 loaded rows match');
    expect(ui.crashed()).toBeUndefined();
    await ui.press(KEY.escape);
    await ui.waitFor('project-0');
    ui.unmount();
  });

  it('300 ↓ in one read move the cursor 300 rows', async () => {
    const many = Array.from({ length: 400 }, (_, i) => project(i));
    const ui = await renderBrowser(many);
    await ui.waitFor('project-0');
    ui.stdin.write(KEY.down.repeat(300));
    await ui.press(KEY.enter);
    await ui.waitFor('name: "project-300"');
    expect(ui.crashed()).toBeUndefined();
    ui.unmount();
  });
});

describe('a value that throws when read', () => {
  it('ends the browser with the error instead of drawing it', async () => {
    const ui = await renderBrowser([
      {
        get name(): string {
          throw new Error('x');
        },
      },
    ]);
    await until(() => ui.crashed() !== undefined, ui.frame, 'the crash to be reported');
    expect(String(ui.crashed())).toContain('x');
    ui.unmount();
  });
});
