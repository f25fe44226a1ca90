import { describe, expect, it } from 'vitest';
import {
  cellText,
  columnTitle,
  cutToWidth,
  displayWidth,
  getPath,
  listColumns,
  relativeTime,
  textTable,
} from '../../src/present/index.js';
import { realSpec } from '../repl/real-spec.js';

const projects = [
  {
    id: 'abcd-1234',
    name: 'churn model',
    owner: { username: 'alice' },
    creator: { username: 'alice' },
    created_at: '2024-05-01T10:00:00Z',
    description: 'x',
  },
  { id: 'efgh-5678', name: 'fraud', owner: { username: 'bob' }, created_at: '2024-06-01T10:00:00Z' },
];
const NOW = Date.parse('2024-06-01T13:00:00Z');

describe('the choice of columns', () => {
  it('takes the preferred fields in reading order, owner over creator', () => {
    expect(listColumns(projects).defaults).toEqual(['id', 'name', 'owner.username', 'created_at']);
  });

  it('reads the item schema of the real spec: a job shows its script and schedule, a run when it finished', () => {
    const spec = realSpec();
    const item = (model: string) => ({ schema: spec.definitions[model], definitions: spec.definitions });
    expect(listColumns([], item('Job')).defaults).toEqual([
      'id',
      'name',
      'owner.username',
      'script',
      'schedule',
      'created_at',
    ]);
    expect(listColumns([], item('JobRun')).defaults).toEqual([
      'id',
      'status',
      'creator.username',
      'created_at',
      'finished_at',
    ]);
  });

  it('falls back to the first plain fields for unfamiliar items, and to the value for plain lists', () => {
    expect(listColumns([{ cpu: 2, memory: 4, tags: ['a'] }]).defaults).toEqual(['cpu', 'memory']);
    expect(listColumns(['a', 'b']).defaults).toEqual(['']);
    expect(columnTitle('')).toBe('value');
    expect(columnTitle('owner.username')).toBe('owner');
  });
});

describe('cells', () => {
  it('reads dotted paths and shows objects by name, lists of scalars joined', () => {
    expect(getPath(projects[0], 'owner.username')).toBe('alice');
    expect(getPath(projects[1], 'creator.username')).toBeUndefined();
    expect(cellText({ username: 'carol', id: 3 })).toBe('carol');
    expect(cellText(['a', 'b'])).toBe('a, b');
    expect(cellText([{ x: 1 }])).toBe('[{"x":1}]');
    expect(cellText('two\nlines')).toBe('two lines');
    expect(cellText(12345678901234567890n)).toBe('12345678901234567890');
    expect(cellText(null)).toBe('');
  });

  it('measures wide characters as two cells and cuts between them', () => {
    expect(displayWidth('日本語')).toBe(6);
    expect(displayWidth('👍🏽ok')).toBe(4);
    expect(cutToWidth('日本語テキスト', 7)).toBe('日本語…');
    expect(displayWidth(cutToWidth('日本語テキスト', 7))).toBeLessThanOrEqual(7);
  });

  it('says how long ago a timestamp was in at most 8 cells', () => {
    expect(relativeTime('2024-06-01T10:00:00Z', NOW)).toBe('3h ago');
    expect(relativeTime('2024-05-01T10:00:00Z', NOW)).toBe('1mo ago');
    expect(relativeTime('2024-06-01T12:59:58Z', NOW)).toBe('just now');
    expect(relativeTime('2024-06-01T13:05:00Z', NOW)).toBe('in 5m');
  });
});

describe('a table at any width', () => {
  const long = [
    {
      id: '7d1e0a4f-3c5b-4e8a-9f21-6b0c2d4e8a13',
      name: 'a rather long project name that goes on and on',
      status: 'ENGINE_SUCCEEDED',
      owner: { username: 'ada.okafor' },
      created_at: '2024-06-01T10:00:00Z',
      finished_at: '2024-06-01T11:00:00Z',
      description: 'more words than anyone reads',
    },
  ];
  const keys = ['id', 'name', 'status', 'owner.username', 'created_at', 'finished_at', 'description'];

  it('at 160 columns shows every column, times in full, text up to 40 cells', () => {
    const { text, layout } = textTable(long, keys.slice(0, -1), { width: 160, now: NOW });
    expect(layout.hidden).toEqual([]);
    expect(text).toContain('2024-06-01T10:00:00Z');
    expect(text).toContain('a rather long project name that goes on…');
  });

  it('at 80 columns keeps the id whole, turns times relative, drops the least important columns and names them', () => {
    const { text, layout } = textTable(long, keys, { width: 80, now: NOW });
    for (const line of text.split('\n')) expect(displayWidth(line)).toBeLessThanOrEqual(80);
    expect(text).toContain(long[0]?.id);
    expect(text).toContain('ENGINE_SUCCEEDED');
    expect(text).toContain('2h ago');
    expect(layout.hidden).toEqual(['owner', 'created_at', 'description']);
    expect(layout.columns.map((c) => c.key).slice(0, 2)).toEqual(['id', 'name']);
  });

  it('at 40 columns still shows the whole id', () => {
    const { text, layout } = textTable(long, keys, { width: 40, now: NOW });
    expect(text.split('\n')[1]).toContain(long[0]?.id);
    expect(layout.columns[0]?.key).toBe('id');
  });

  it('aligns CJK text by display width', () => {
    const rows = [
      { id: 'p1', name: '日本語の名前' },
      { id: 'p2', name: 'ascii' },
    ];
    const lines = textTable(rows, ['id', 'name', 'id'], { width: 80 }).text.split('\n');
    const at = (line: string) => displayWidth(line.slice(0, line.lastIndexOf('p')));
    expect(at(lines[1] ?? '')).toBe(at(lines[2] ?? ''));
  });

  it("keeps a previous layout's widths so the next page does not jump", () => {
    const first = textTable([{ id: 'p-100000', name: 'a long first page name' }], ['id', 'name'], {
      width: 80,
    });
    const next = textTable([{ id: 'p-2', name: 'b' }], ['id', 'name'], { width: 80, previous: first.layout });
    expect(next.layout.columns.map((c) => c.width)).toEqual(first.layout.columns.map((c) => c.width));
  });
});

describe('the banner', () => {
  it('wraps at word boundaries to the terminal, continued lines indented', async () => {
    const { bannerText } = await import('../../src/repl/banner.js');
    const { builtinSpec } = await import('../../src/spec/index.js');
    const wide = bannerText({ host: 'http://127.0.0.1:4000', spec: builtinSpec(), width: 200 });
    const narrow = bannerText({ host: 'http://127.0.0.1:4000', spec: builtinSpec(), width: 50 });
    for (const line of narrow.split('\n')) expect(line.length).toBeLessThanOrEqual(50);
    // The same words in the same order: only the line breaks differ.
    expect(narrow.split(/\s+/)).toEqual(wide.split(/\s+/));
    expect(narrow.split('\n').length).toBeGreaterThan(wide.split('\n').length);
    expect(narrow).toMatch(/\n {4}\S/);
  });
});
