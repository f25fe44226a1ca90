import { describe, expect, it } from 'vitest';
import { packSpec, unpackSpec } from '../../src/spec/compact-spec.js';
import { builtinSpec } from '../../src/spec/index.js';
import {
  candidateColumns,
  defaultColumns,
  fitColumns,
  fitText,
  measureColumns,
} from '../../src/tui/columns.js';
import { csvField, toCsv } from '../../src/tui/csv.js';
import { formatFromPath, serialise } from '../../src/tui/export-format.js';
import { raceAbort, toFeed } from '../../src/tui/feed.js';
import { cellText, getPath } from '../../src/tui/get-path.js';
import { formatJsonPath } from '../../src/tui/json-path.js';
import { flattenTree, nodeId, scalarText } from '../../src/tui/json-tree.js';
import { osc52 } from '../../src/tui/osc52.js';
import { firstPositionOfPage, pageIndexOf } from '../../src/tui/page-position.js';
import { browserResult } from '../../src/tui/result.js';
import { computeViewport } from '../../src/tui/viewport.js';
import { realSpec } from '../helpers/real-spec.js';

describe('columns', () => {
  const spec = builtinSpec();
  it('takes leaf fields of the item schema, nested ones by dotted path', () => {
    const keys = candidateColumns({ $ref: '#/definitions/Project' }, spec.definitions, []);
    expect(keys).toContain('creator.username');
    expect(keys).toContain('created_at');
    expect(keys).not.toContain('creator');
    expect(defaultColumns(keys)).toEqual(['id', 'name', 'owner.username', 'created_at']);
  });

  it('falls back to the fields of the rows, and to one value column for scalars', () => {
    expect(candidateColumns(undefined, {}, [{ a: 1, b: { c: 2 } }, { d: [1] }])).toEqual(['a', 'b.c', 'd']);
    expect(candidateColumns(undefined, {}, ['x', 'y'])).toEqual(['']);
    expect(defaultColumns(['x', 'status', 'name'])).toEqual(['name', 'status']);
  });

  it('fits the terminal: wide columns give way first, trailing ones drop when nothing else helps', () => {
    const keys = ['id', 'name', 'description'];
    expect(fitColumns(keys, [6, 10, 40], 100).map((c) => [c.key, c.width])).toEqual([
      ['id', 6],
      ['name', 10],
      ['description', 40],
    ]);
    const narrow = fitColumns(keys, [6, 30, 40], 50);
    expect(narrow.reduce((sum, c) => sum + c.width, 0) + 2 + 2).toBeLessThanOrEqual(50);
    expect(narrow.map((c) => c.width)).toEqual([6, 20, 20]);
    const tight = fitColumns(keys, [6, 30, 40], 24);
    expect(tight.map((c) => c.key)).toEqual(['id', 'name']);
    expect(tight.hidden).toEqual(['description']);
  });

  it('measures titles and cells, and cuts text with an ellipsis', () => {
    expect(measureColumns(['id', 'owner.username'], [{ id: 'abcdefgh', owner: { username: 'u' } }])).toEqual([
      8, 7,
    ]);
    expect(fitText('abcdef', 4)).toBe('abc…');
    expect(fitText('ab', 4)).toBe('ab  ');
  });
});

describe('viewport', () => {
  it('scrolls only when the cursor leaves the window', () => {
    expect(computeViewport(5, 0, 10, 100)).toEqual({ start: 0, end: 10 });
    expect(computeViewport(12, 0, 10, 100)).toEqual({ start: 3, end: 13 });
    expect(computeViewport(2, 3, 10, 100)).toEqual({ start: 2, end: 12 });
    expect(computeViewport(99_999, 0, 10, 100_000)).toEqual({ start: 99_990, end: 100_000 });
    expect(computeViewport(0, 0, 10, 3)).toEqual({ start: 0, end: 3 });
  });
});

describe('csv', () => {
  it('quotes what needs quoting and writes nested values as JSON', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField(' padded')).toBe('" padded"');
    expect(csvField(null)).toBe('');
    expect(csvField({ a: [1, 'x'] })).toBe('"{""a"":[1,""x""]}"');
    expect(toCsv([{ id: 1, o: { u: 'x' } }, { id: 2 }], ['id', 'o.u'])).toBe('id,o.u\r\n1,x\r\n2,\r\n');
  });

  it('picks the format from the extension', () => {
    expect(formatFromPath('a.CSV')).toBe('csv');
    expect(formatFromPath('a.jsonl')).toBe('jsonl');
    expect(formatFromPath('a.txt')).toBe('json');
    expect(serialise([{ a: 1 }, { a: 2 }], 'jsonl', [])).toBe('{"a":1}\n{"a":2}\n');
  });
});

describe('json paths, trees and the clipboard', () => {
  it('formats paths people can paste', () => {
    expect(formatJsonPath(['creator', 'username'])).toBe('creator.username');
    expect(formatJsonPath(['runtimes', 0, 'edition'])).toBe('runtimes[0].edition');
    expect(formatJsonPath(['labels', 'team-a'])).toBe('labels["team-a"]');
    expect(formatJsonPath([])).toBe('');
  });

  it('flattens open nodes and skips folded ones', () => {
    const value = { a: { b: 1, c: [true, null] }, d: 'x' };
    const open = flattenTree(value, new Set());
    expect(open.map((line) => line.id)).toEqual([
      '[]',
      '["a"]',
      '["a","b"]',
      '["a","c"]',
      '["a","c",0]',
      '["a","c",1]',
      '["d"]',
    ]);
    const folded = flattenTree(value, new Set([nodeId(['a'])]));
    expect(folded.map((line) => line.label)).toEqual([undefined, 'a', 'd']);
    expect(scalarText(folded[1]!)).toBe('{…2}');
    expect(scalarText(folded[2]!)).toBe('"x"');
  });

  it('shows a value as JSON shows it: what its toJSON gives (a Date, an operation of the cached spec)', () => {
    const when = new Date('2026-12-03T10:00:00Z');
    const lines = flattenTree({ when }, new Set());
    expect(lines.map((line) => [line.label, line.kind, line.value])).toEqual([
      [undefined, 'object', { when }],
      ['when', 'string', '2026-12-03T10:00:00.000Z'],
    ]);
    const spec = realSpec();
    const cached = unpackSpec(packSpec(spec, { format: 2, cmlsh: 'x', fetchedAt: 1 }), 'cache', 'x')?.spec;
    // As the cache keeps it: fields left undefined are not written.
    const fresh = JSON.parse(JSON.stringify(spec.operations.find((op) => op.name === 'listProjects')));
    const fromCache = cached?.operations.find((op) => op.name === 'listProjects');
    const ids = (value: unknown) =>
      flattenTree(value, new Set())
        .filter((line) => line.value !== undefined)
        .map((line) => line.id);
    expect(ids(fromCache)).toEqual(ids(fresh));
    expect(ids(fromCache).length).toBeGreaterThan(50);
  });

  it('builds OSC 52, wrapped for tmux', () => {
    expect(osc52('hi')).toBe('\u001B]52;c;aGk=\u0007');
  });

  it('reads dotted paths and renders cells on one line', () => {
    expect(getPath({ a: { b: 2 } }, 'a.b')).toBe(2);
    expect(getPath('x', '')).toBe('x');
    expect(getPath({ a: 1 }, 'a.b')).toBeUndefined();
    expect(cellText('a\nb')).toBe('a b');
    expect(cellText({ x: 1 })).toBe('{"x":1}');
  });
});

describe('pages and results', () => {
  it('finds the page of a row and the first displayed row of a page', () => {
    const starts = [0, 20, 40];
    expect(pageIndexOf(starts, 0)).toBe(0);
    expect(pageIndexOf(starts, 39)).toBe(1);
    expect(pageIndexOf(starts, 44)).toBe(2);
    const view = Array.from({ length: 45 }, (_, i) => i);
    expect(firstPositionOfPage(view, starts, 1, false)).toBe(20);
    expect(firstPositionOfPage([44, 3, 25], starts, 1, true)).toBe(2);
    expect(firstPositionOfPage([1, 2, 41], starts, 1, false)).toBe(-1);
  });

  it('resolves to marked rows, else the opened one', () => {
    expect(browserResult(['a', 'b', 'c'], new Set([2, 0]), 'b')).toEqual(['a', 'c']);
    expect(browserResult(['a'], new Set(), 'a')).toBe('a');
    expect(browserResult(['a'], new Set(), undefined)).toBeUndefined();
  });

  it('sorts out sources and aborts waits that cannot be cancelled', async () => {
    expect(toFeed({ id: 1 })).toEqual({ kind: 'value', value: { id: 1 } });
    expect(toFeed([1, 2])).toMatchObject({ kind: 'list', first: { items: [1, 2], number: 1 } });
    const abort = new AbortController();
    const never = new Promise<never>(() => {});
    const waiting = raceAbort(never, abort.signal);
    abort.abort(new Error('stopped'));
    await expect(waiting).rejects.toThrow('stopped');
  });
});
