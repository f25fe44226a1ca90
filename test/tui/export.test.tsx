import { execFileSync } from 'node:child_process';
import {
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { KEY, renderBrowser } from './harness.js';
import { project } from './page-server.js';

const rows = Array.from({ length: 30 }, (_, i) => project(i));
let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'cmlsh-export-'));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

async function exportAs(name: string, filter?: string) {
  const ui = await renderBrowser(rows, { exportDir: dir });
  await ui.waitFor('project-0');
  if (filter) {
    await ui.press('/');
    await ui.type(filter);
    await ui.press(KEY.enter);
    await ui.waitFor('loaded rows match');
  }
  await ui.press('e');
  await ui.waitFor('export to:');
  await ui.type(name);
  await ui.press(KEY.enter);
  await ui.waitFor('wrote');
  const frame = ui.frame();
  ui.unmount();
  return frame;
}

describe('export', () => {
  it('writes the filtered rows as JSON, says so, leaves no temporary file', async () => {
    const frame = await exportAs('out.json', 'project-2');
    const path = join(dir, 'out.json');
    expect(frame).toContain(`wrote 11 rows to ${path}`);
    expect(JSON.parse(readFileSync(path, 'utf8'))).toEqual([rows[2], ...rows.slice(20, 30)]);
    expect(readdirSync(dir)).toEqual(['out.json']);
    expect(statSync(path).mode & 0o777).toBe(0o600);
  });

  it('writes JSON Lines', async () => {
    await exportAs('out.jsonl');
    const lines = readFileSync(join(dir, 'out.jsonl'), 'utf8').trimEnd().split('\n');
    expect(lines).toHaveLength(30);
    expect(JSON.parse(lines[1] ?? '')).toEqual(rows[1]);
  });

  it('writes CSV of the chosen columns with correct quoting', async () => {
    await exportAs('out.csv', 'project-1');
    const text = readFileSync(join(dir, 'out.csv'), 'utf8');
    const lines = text.split('\r\n');
    // Columns come from the rows here (no spec model): the defaults, in order.
    expect(lines[0]).toBe('id,name,owner.username,created_at');
    expect(lines[1]).toBe('p0001,project-1,user1,2024-01-02T00:00:00Z');
    expect(lines).toHaveLength(1 + 11 + 1);
  });

  it('an empty path writes <operation>.json', async () => {
    const frame = await exportAs('');
    expect(frame).toContain(`wrote 30 rows to ${join(dir, 'rows.json')}`);
  });

  it('a 200-character file name pasted with Enter in one read writes that file', async () => {
    const ui = await renderBrowser(rows, { exportDir: dir });
    await ui.waitFor('project-0');
    await ui.press('e');
    await ui.waitFor('export to:');
    const name = `${'n'.repeat(195)}.json`;
    ui.stdin.write(`${name}\r`);
    await ui.waitFor('wrote 30 rows');
    expect(readdirSync(dir)).toEqual([name]);
    ui.unmount();
  });

  it('writes the marked rows when rows are marked; Enter alone takes the suggested name', async () => {
    const ui = await renderBrowser(rows, { exportDir: dir });
    await ui.waitFor('project-0');
    await ui.press(' ', KEY.down, ' ', 'e');
    await ui.waitFor('export to: ');
    expect(ui.frame()).toContain('rows.json');
    expect(ui.frame()).toContain('2 marked rows');
    await ui.press(KEY.enter);
    await ui.waitFor('wrote 2 rows');
    expect(JSON.parse(readFileSync(join(dir, 'rows.json'), 'utf8'))).toEqual([rows[0], rows[2]]);
    ui.unmount();
  });

  it('asks before replacing an existing file: n keeps it, y replaces it', async () => {
    const path = join(dir, 'out.json');
    writeFileSync(path, 'precious');
    const ui = await renderBrowser(rows, { exportDir: dir });
    await ui.waitFor('project-0');
    await ui.press('e');
    await ui.type('out.json');
    await ui.press(KEY.enter);
    await ui.waitFor(`${path} exists; replace it? (y/N)`);
    await ui.press('n');
    await ui.waitFor('cancelled');
    expect(readFileSync(path, 'utf8')).toBe('precious');
    await ui.press('e');
    await ui.type('out.json');
    await ui.press(KEY.enter);
    await ui.waitFor('replace it?');
    await ui.press('y');
    await ui.waitFor('wrote 30 rows');
    expect(JSON.parse(readFileSync(path, 'utf8'))).toHaveLength(30);
    ui.unmount();
  });

  it('refuses to replace a symlink or a FIFO, and leaves them as they were', async () => {
    const target = join(dir, 'elsewhere.txt');
    writeFileSync(target, 'keep me');
    symlinkSync(target, join(dir, 'link.json'));
    execFileSync('mkfifo', [join(dir, 'pipe.json')]);
    const ui = await renderBrowser(rows, { exportDir: dir });
    await ui.waitFor('project-0');
    for (const [name, what] of [
      ['link.json', 'a symbolic link'],
      ['pipe.json', 'a FIFO'],
    ] as const) {
      await ui.press('e');
      await ui.type(name);
      await ui.press(KEY.enter);
      await ui.waitFor(`export refused: ${join(dir, name)} is ${what}; choose another file name`);
    }
    expect(readFileSync(target, 'utf8')).toBe('keep me');
    expect(statSync(join(dir, 'pipe.json')).isFIFO()).toBe(true);
    ui.unmount();
  });
});
