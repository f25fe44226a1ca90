import { describe, expect, it } from 'vitest';
import { createBrowserHarness, KEYS } from '../../src/tui/bench-harness.js';
import { project } from './page-server.js';

describe('100,000 loaded rows', () => {
  it('each key press renders one screenful, not the data set', async () => {
    const rows = Array.from({ length: 100_000 }, (_, i) => project(i));
    const harness = createBrowserHarness(rows, { columns: 120, rows: 30 });
    await harness.ready();
    expect(harness.lastFrame()).toContain('100000 rows loaded');
    const before = harness.tableRows.length;
    for (let i = 0; i < 5; i++) expect(await harness.press(KEYS.pageDown)).toBeGreaterThan(0);
    expect(await harness.press(KEYS.end)).toBeGreaterThan(0);
    expect(harness.lastFrame()).toContain('project-99999');
    const frame = harness.lastFrame().trimEnd().split('\n');
    expect(frame.length).toBeLessThanOrEqual(30);
    const counts = harness.tableRows.slice(before);
    expect(counts.length).toBeGreaterThanOrEqual(6);
    // 30 lines of terminal minus header, column header and status lines.
    for (const count of counts) expect(count).toBe(25);
    await harness.unmount();
  });
});

describe('terminal size', () => {
  it('refits columns and rows on resize', async () => {
    const rows = Array.from({ length: 50 }, (_, i) => project(i));
    const harness = createBrowserHarness(rows, { columns: 160, rows: 20 });
    await harness.ready();
    expect(harness.lastFrame()).toContain('2024-01-01T00:00:00Z');
    expect(harness.lastFrame().trimEnd().split('\n').length).toBeLessThanOrEqual(20);
    harness.resize(40, 12);
    await harness.press(KEYS.down);
    const lines = harness.lastFrame().trimEnd().split('\n');
    expect(lines.length).toBeLessThanOrEqual(12);
    for (const line of lines) expect(line.length).toBeLessThanOrEqual(40);
    expect(harness.lastFrame()).toContain('p0001');
    expect(harness.lastFrame()).not.toContain('2024-01-01T00:00:00Z');
    // Short of room, the timestamp says how long ago it was.
    expect(harness.lastFrame()).toMatch(/\d+(mo|y) ago/);
    await harness.unmount();
  });
});
