import { describe, expect, it } from 'vitest';
import { createBrowserHarness, KEYS } from '../helpers/browser-harness.js';
import { project } from './page-server.js';

describe('100,000 loaded rows', () => {
  it('each key press renders one screenful, not the data set', async () => {
    const rows = Array.from({ length: 100_000 }, (_, i) => project(i));
    const harness = createBrowserHarness(rows, { columns: 120, rows: 30 });
    await harness.ready();
    expect(harness.lastFrame()).toContain('100000 rows loaded');
    // 30 lines of terminal minus header, column header and status lines: 25 rows, each time.
    const rowsOnScreen = () =>
      harness
        .lastFrame()
        .split('\n')
        .filter((line) => /project-\d+/.test(line));
    expect(rowsOnScreen()).toHaveLength(25);
    for (let i = 1; i <= 5; i++) {
      expect(await harness.press(KEYS.pageDown)).toBeGreaterThan(0);
      expect(rowsOnScreen()).toHaveLength(25);
      expect(harness.lastFrame()).toContain(`project-${i * 25}`);
    }
    expect(await harness.press(KEYS.end)).toBeGreaterThan(0);
    expect(harness.lastFrame()).toContain('project-99999');
    expect(rowsOnScreen()).toHaveLength(25);
    expect(harness.lastFrame().trimEnd().split('\n').length).toBeLessThanOrEqual(30);
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
