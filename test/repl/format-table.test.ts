import { describe, expect, it } from 'vitest';
import { cellText, chooseColumns, fieldValue, formatTable } from '../../src/repl/format-table.js';

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

describe('format-table', () => {
  it('reads dotted fields', () => {
    expect(fieldValue(projects[0], 'owner.username')).toBe('alice');
    expect(fieldValue(projects[1], 'creator.username')).toBeUndefined();
  });

  it('chooses the fields people look for, in reading order', () => {
    expect(chooseColumns(projects)).toEqual([
      'id',
      'name',
      'owner.username',
      'creator.username',
      'created_at',
    ]);
  });

  it('falls back to other scalar fields for unfamiliar items', () => {
    expect(chooseColumns([{ cpu: 2, memory: 4, tags: ['a'] }])).toEqual(['cpu', 'memory']);
  });

  it('renders aligned columns under short headers', () => {
    const text = formatTable(projects, { columns: ['id', 'name', 'owner.username'] });
    expect(text.split('\n')).toEqual([
      'id         name         owner',
      'abcd-1234  churn model  alice',
      'efgh-5678  fraud        bob',
    ]);
  });

  it('fits the width by shrinking the widest column with an ellipsis', () => {
    const text = formatTable(projects, { columns: ['id', 'name', 'created_at'], width: 40 });
    const lines = text.split('\n');
    for (const line of lines) expect(line.length).toBeLessThanOrEqual(40);
    expect(text).toContain('…');
    expect(lines[1]).toMatch(/^abcd-1234/);
  });

  it('drops trailing columns when even the narrowest cannot fit', () => {
    const many = Object.fromEntries(Array.from({ length: 6 }, (_, i) => [`field${i}`, 'value']));
    const text = formatTable([many], { columns: Object.keys(many), width: 20 });
    for (const line of text.split('\n')) expect(line.length).toBeLessThanOrEqual(20);
  });

  it('shows objects by their name and arrays by length', () => {
    expect(cellText({ username: 'carol', id: 3 })).toBe('carol');
    expect(cellText([1, 2, 3])).toBe('[3]');
    expect(cellText('two\nlines')).toBe('two lines');
    expect(cellText(null)).toBe('');
  });

  it('is empty for no items', () => {
    expect(formatTable([])).toBe('');
  });
});
