import { describe, expect, it } from 'vitest';
import { builtinSpec } from '../../src/spec/index.js';
import { cursorRow, displayed } from '../../src/tui/state/select.js';
import type { Command } from '../../src/tui/state/types.js';
import { drive, driveFeed, pagedFeed, rows } from './reducer-driver.js';

const ofType = <T extends Command['type']>(commands: readonly Command[], type: T) =>
  commands.filter((c): c is Extract<Command, { type: T }> => c.type === type);

describe('keys as pure functions: state + key -> state + commands', () => {
  it('300 ↓ in a burst move the cursor 300 rows, scrolled to keep it shown', () => {
    const ui = drive(rows(0, 1000));
    ui.press(...Array.from({ length: 300 }, () => 'down'));
    expect(ui.view.cursor).toBe(300);
    // 24 lines of terminal: 19 rows of table, the cursor on the last of them.
    expect(ui.view.top).toBe(300 - 19 + 1);
    expect(ui.commands()).toEqual([]);
  });

  it('300 ↓ past the loaded rows ask for the next page once, then wait for it', async () => {
    const ui = driveFeed(pagedFeed(3, 20));
    ui.press(...Array.from({ length: 300 }, () => 'down'));
    expect(ofType(ui.commands(), 'fetch')).toHaveLength(1);
    expect(ui.view.cursor).toBe(19);
    await ui.settle();
    expect(ui.view.rows).toHaveLength(40);
    ui.press(...Array.from({ length: 300 }, () => 'down'));
    await ui.settle();
    expect(ui.view.rows).toHaveLength(60);
    expect(ofType(ui.commands(), 'fetch')).toHaveLength(2);
  });

  it('300 n in a burst while pages load: each n counts, one fetch at a time, ending on the last page', async () => {
    const ui = driveFeed(pagedFeed(50, 20));
    ui.press(...Array.from({ length: 300 }, () => 'n'));
    expect(ofType(ui.commands(), 'fetch')).toHaveLength(1);
    expect(ui.view.pendingPage).toBe(300);
    await ui.settle();
    expect(ui.view.pages).toHaveLength(50);
    expect(ui.view.pendingPage).toBeUndefined();
    expect(ui.view.pages[49]?.start).toBe(980);
    expect(cursorRow(ui.view)).toBe(980);
    expect(ui.view.message).toBe('that was the last page');
  });

  it('n n n with pages to spare lands exactly three pages on', async () => {
    const ui = driveFeed(pagedFeed(10, 20));
    ui.press('n', 'n', 'n');
    await ui.settle();
    expect(cursorRow(ui.view)).toBe(60);
    ui.press('p');
    expect(cursorRow(ui.view)).toBe(40);
    expect(ofType(ui.commands(), 'fetch')).toHaveLength(3);
  });

  it('a 200-character paste at / becomes the filter, applied as it arrives; Enter keeps it', () => {
    const ui = drive(rows(0, 50));
    const text = 'project-1'.padEnd(200, 'x');
    ui.press('/');
    ui.paste(text);
    expect(ui.view.mode).toBe('filter');
    expect(ui.view.query).toBe(text);
    expect(displayed(ui.view)).toEqual([]);
    ui.press(...Array.from({ length: 191 }, () => 'backspace'));
    expect(ui.view.query).toBe('project-1');
    expect(displayed(ui.view)).toHaveLength(11);
    ui.press('return');
    expect(ui.view.mode).toBe('table');
    expect(ui.view.query).toBe('project-1');
  });

  it('a 200-character paste at the export prompt is the file name; Enter asks to write it', () => {
    const ui = drive(rows(0, 5));
    const name = `${'a'.repeat(195)}.json`;
    ui.press('e');
    ui.paste(`${name}\r`);
    const [write] = ofType(ui.commands(), 'export');
    expect(write).toMatchObject({ path: name, overwrite: false });
    expect(write?.items).toHaveLength(5);
    expect(ui.view.mode).toBe('table');
  });

  it('keys typed while a page loads are all handled, and the page lands under them', async () => {
    const ui = driveFeed(pagedFeed(3, 20));
    ui.press('n', '/');
    ui.paste('project-2');
    ui.press('return');
    expect(ui.view.query).toBe('project-2');
    expect(ui.view.loading?.kind).toBe('page');
    await ui.settle();
    // The jump went to page 2's first row that matches the filter.
    expect(cursorRow(ui.view)).toBe(20);
  });

  it('field=value filters by that field only', () => {
    const ui = drive([
      { id: 'a', owner: { username: 'ada.okafor' }, note: 'bob' },
      { id: 'b', owner: { username: 'bob' }, note: 'ada.okafor' },
    ]);
    ui.press('/');
    ui.paste('owner.username=ada.okafor');
    expect(displayed(ui.view)).toEqual([0]);
    ui.press('escape');
    expect(ui.view.query).toBe('');
    expect(displayed(ui.view)).toEqual([0, 1]);
  });

  it('a stops with Esc (the load is aborted, rows stay); a while a page loads turns it into load-all', async () => {
    const ui = driveFeed(pagedFeed(5, 20));
    ui.press('end');
    expect(ui.view.loading?.kind).toBe('page');
    ui.press('a');
    expect(ui.view.loading?.kind).toBe('all');
    ui.press('escape');
    expect(ui.view.loading).toBeUndefined();
    expect(ofType(ui.commands(), 'abort')).toHaveLength(1);
    await ui.settle();
    // The answer of the aborted load is ignored.
    expect(ui.view.rows).toHaveLength(20);
    ui.press('a');
    await ui.settle();
    expect(ui.view.rows).toHaveLength(100);
    ui.press('a');
    expect(ui.view.message).toBe('all pages are loaded');
  });

  it('export writes the marked rows when rows are marked', () => {
    const ui = drive(rows(0, 10));
    ui.press(' ', 'down', ' ', 'e', 'return');
    const [write] = ofType(ui.commands(), 'export');
    expect(write?.items).toEqual([rows(0, 1)[0], rows(2, 1)[0]]);
    expect(write?.path).toBe('rows.json');
  });

  it('an existing file is replaced only after y', () => {
    const ui = drive(rows(0, 3));
    ui.press('e', 'return');
    ui.dispatch({ type: 'exists', view: 0, path: '/tmp/rows.json', items: [], columns: [] });
    expect(ui.view.mode).toBe('confirm');
    ui.press('n');
    expect(ui.view.mode).toBe('table');
    expect(ui.view.message).toBe('cancelled');
    ui.press('e', 'return');
    ui.dispatch({ type: 'exists', view: 0, path: '/tmp/rows.json', items: [], columns: [] });
    ui.press('y');
    expect(ofType(ui.commands(), 'export').at(-1)).toMatchObject({ path: '/tmp/rows.json', overwrite: true });
  });

  it('q leaves with the marked rows; Ctrl+C from any prompt leaves too; later events are ignored', () => {
    const ui = drive(rows(0, 3));
    ui.press(' ', '/', 'ctrl+c');
    expect(ofType(ui.commands(), 'exit')).toEqual([{ type: 'exit', value: [rows(0, 1)[0]] }]);
    ui.press('q');
    expect(ofType(ui.commands(), 'exit')).toHaveLength(1);
  });
});

describe('derived rows are remembered per view', () => {
  it('cursor keys reuse the filtered, sorted rows, even when another browser was asked in between', () => {
    const big = drive(rows(0, 5000));
    const small = drive(rows(0, 50));
    big.press('s', 'down', 'return', 's', 'return', '/');
    big.paste('project-4');
    big.press('return');
    const sorted = displayed(big.view);
    expect(sorted).toHaveLength(1111);
    expect(big.view.rows[sorted[0] ?? -1]).toEqual({ id: 'p4999', name: 'project-4999' });
    for (let i = 0; i < 5; i++) {
      small.press('down');
      expect(displayed(small.view)).toHaveLength(50);
      big.press(i % 2 ? 'up' : 'down');
      // The same array: not filtered and sorted again for a cursor move.
      expect(displayed(big.view)).toBe(sorted);
    }
    expect(cursorRow(big.view)).toBe(sorted[1]);
  });
});

describe('refresh and actions', () => {
  const spec = builtinSpec();
  const listJobRuns = spec.operations.find((op) => op.name === 'listJobRuns');
  if (!listJobRuns) throw new Error('no listJobRuns in the builtin spec');
  const args = { project_id: 'p1', job_id: 'j1' };
  const runs = (status: string) => [
    { id: 'r1', job_id: 'j1', project_id: 'p1', status },
    { id: 'r2', job_id: 'j1', project_id: 'p1', status: 'ENGINE_SUCCEEDED' },
  ];
  const source = (status: string) => ({
    items: runs(status),
    number: 1,
    operation: listJobRuns,
    args,
    next: undefined,
  });

  const open = () =>
    driveFeed({ kind: 'list', first: source('ENGINE_RUNNING') }, { spec, hasApi: true, baseUrl: 'http://x' });

  it('R reloads in place: cursor, filter and sort kept; changed cells marked, then settled', () => {
    const ui = open();
    ui.press('/');
    ui.paste('r');
    ui.press('return', 'down', 'R');
    const [call] = ofType(ui.commands(), 'call');
    expect(call?.call).toEqual({ operation: listJobRuns, args });
    expect(ui.view.loading?.kind).toBe('refresh');
    ui.dispatch({ type: 'answered', view: 0, load: call?.load ?? -1, answer: source('ENGINE_FAILED') });
    expect(ui.view.loading).toBeUndefined();
    expect(ui.view.rows).toEqual(runs('ENGINE_FAILED'));
    expect(ui.view.cursor).toBe(1);
    expect(ui.view.query).toBe('r');
    expect([...ui.view.changed]).toEqual(['0\u0000status']);
    const [later] = ofType(ui.commands(), 'later');
    expect(later?.event).toMatchObject({ type: 'settled', view: 0 });
    if (later) ui.dispatch(later.event);
    expect(ui.view.changed.size).toBe(0);
  });

  it('w turns auto-refresh on: each tick refreshes the view on screen unless it is busy', () => {
    const ui = open();
    ui.press('w');
    expect(ofType(ui.commands(), 'watch')).toEqual([{ type: 'watch', view: 0, on: true }]);
    ui.dispatch({ type: 'tick', view: 0 });
    ui.dispatch({ type: 'tick', view: 0 });
    expect(ofType(ui.commands(), 'call')).toHaveLength(1);
    ui.press('/');
    ui.dispatch({ type: 'tick', view: 0 });
    ui.press('return', 'w');
    expect(ofType(ui.commands(), 'watch').at(-1)).toEqual({ type: 'watch', view: 0, on: false });
  });

  it(': lists the custom verbs the spec has for a run; Enter asks; y calls stopJobRun with the run’s path', () => {
    const ui = open();
    ui.press(':');
    expect(ui.view.mode).toBe('actions');
    ui.press('return');
    expect(ui.view.mode).toBe('confirm');
    expect(ui.view.question?.text).toBe('stop r1? (stopJobRun)');
    ui.press('y');
    const [call] = ofType(ui.commands(), 'call');
    expect(call?.call.operation.name).toBe('stopJobRun');
    expect(call?.call.args).toEqual({ project_id: 'p1', job_id: 'j1', run_id: 'r1' });
    ui.dispatch({ type: 'answered', view: 0, load: call?.load ?? -1, answer: { value: {} } });
    expect(ui.view.message).toBe('stop r1: done');
    // And the view refreshes to show the new state.
    expect(ofType(ui.commands(), 'call').at(-1)?.call.operation).toBe(listJobRuns);
  });

  it('anything but y cancels the action; an item without custom verbs says so', () => {
    const ui = open();
    ui.press(':', 'return', 'n');
    expect(ofType(ui.commands(), 'call')).toHaveLength(0);
    expect(ui.view.message).toBe('cancelled');
    const plain = drive(rows(0, 2), { spec, hasApi: true });
    plain.press(':');
    expect(plain.view.message).toMatch(/^nothing to do here/);
  });

  it('a detail view of one run refreshes too: R makes its call again and shows the new value', () => {
    const getJobRun = spec.operations.find((op) => op.name === 'getJobRun');
    if (!getJobRun) throw new Error('no getJobRun in the builtin spec');
    const call = { operation: getJobRun, args: { ...args, run_id: 'r1' } };
    const ui = driveFeed({ kind: 'value', value: runs('ENGINE_RUNNING')[0], call }, { spec, hasApi: true });
    ui.press('R');
    const [sent] = ofType(ui.commands(), 'call');
    expect(sent?.call).toEqual(call);
    ui.dispatch({
      type: 'answered',
      view: 0,
      load: sent?.load ?? -1,
      answer: { value: runs('ENGINE_FAILED')[0] },
    });
    expect(ui.view.single?.value).toEqual(runs('ENGINE_FAILED')[0]);
    expect(ui.view.mode).toBe('detail');
  });
});
