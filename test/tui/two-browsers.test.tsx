import { describe, expect, it } from 'vitest';
import { KEY, renderBrowser } from './harness.js';
import { project } from './page-server.js';

/** The names in the table rows of a frame (lines with an id), top to bottom. */
function shownNames(frame: string): string[] {
  return frame
    .split('\n')
    .map((line) => /\bp\d{4,}\s+(project-\d+)/.exec(line)?.[1])
    .filter((name): name is string => name !== undefined);
}

// The rows a view displays (filtered, sorted) and its column widths are remembered per view,
// so a key costs one screenful however many rows are loaded. Two browsers in one process,
// keys interleaved, are the hardest case: each must keep its own filter, sort and marks.
describe('two browsers in one process, keys interleaved', () => {
  it('each keeps its own sort, filter, cursor and marks over 30,000 rows', async () => {
    const many = Array.from({ length: 30_000 }, (_, i) => project(i));
    const few = Array.from({ length: 200 }, (_, i) => project(i));
    const big = await renderBrowser(many);
    const small = await renderBrowser(few);
    await big.waitFor('project-0');
    await small.waitFor('project-0');

    await big.press('s');
    await big.waitFor('Sort by');
    await big.press(KEY.down, KEY.enter); // name
    await big.waitFor('sorted by name asc');
    await small.press(KEY.down);
    await big.press('s', KEY.enter);
    await big.waitFor('sorted by name desc');
    await small.press(KEY.down);
    await big.press('/');
    await big.type('project-2999');
    await big.press(KEY.enter);
    await big.waitFor('11 of 30000 loaded rows match "project-2999"');
    await small.press(KEY.down);

    // Numeric collation: project-29999 first, project-2999 (the shortest) last.
    const expected = [...Array.from({ length: 10 }, (_, i) => `project-${29_999 - i}`), 'project-2999'];
    expect(shownNames(big.frame())).toEqual(expected);
    // The small one never saw the big one's sort or filter, and its cursor went on.
    expect(small.frame()).not.toContain('sorted by');
    expect(small.frame()).not.toContain('match');
    expect(shownNames(small.frame()).slice(0, 3)).toEqual(['project-0', 'project-1', 'project-2']);

    // Marks, alternating: the big one marks its 2nd and 3rd displayed rows, the small one its 4th.
    await big.press(KEY.down);
    await small.press(' ');
    await big.press(' ');
    await small.press(KEY.down);
    await big.press(' ');
    await big.waitFor('2 marked');
    await small.waitFor('1 marked');

    await big.press('q');
    await small.press('q');
    // Marked rows come back in load order.
    expect(big.exited()?.value).toEqual([many[29_997], many[29_998]]);
    expect(small.exited()?.value).toEqual([few[3]]);
    big.unmount();
    small.unmount();
  });
});
