import { describe, expect, it } from 'vitest';
import type { Operation } from '../../src/spec/index.js';
import { filterSummary } from '../../src/tui/filter-summary.js';
import { itemLabel } from '../../src/tui/item-label.js';
import { serverFilter } from '../../src/tui/server-filter.js';
import { realSpec } from '../helpers/real-spec.js';

const op = (operationId: string): Operation => {
  const found = realSpec().operations.find((o) => o.operationId === operationId);
  if (!found) throw new Error(`no ${operationId}`);
  return found;
};

describe('filterSummary', () => {
  const facts = { query: 'etl', matched: 12, loaded: 200, hasMore: true, total: undefined, pageSize: 50 };
  it('counts the pages not fetched when the server gives a total', () => {
    expect(filterSummary({ ...facts, total: 340 })).toBe(
      '12 of 200 loaded rows match "etl"; 3 more pages not fetched (S filters on the server)',
    );
    expect(filterSummary({ ...facts, total: 210 })).toContain('; 1 more page not fetched');
  });
  it('says "more pages" when the count is unknown, and nothing once all are loaded', () => {
    expect(filterSummary(facts)).toBe(
      '12 of 200 loaded rows match "etl"; more pages not fetched (S filters on the server)',
    );
    expect(filterSummary({ ...facts, hasMore: false })).toBe('12 of 200 loaded rows match "etl"');
  });
});

describe('serverFilter', () => {
  const listProjects = { operation: op('ListProjects'), args: { pageSize: 5, page_token: 'abc' } };
  it('uses name when admitted, drops page_token, keeps the other args under wire names', () => {
    expect(serverFilter(listProjects, 'churn', undefined)).toEqual({
      key: 'name',
      value: 'churn',
      call: { operation: listProjects.operation, args: { page_size: 5, search_filter: { name: 'churn' } } },
    });
  });
  it('prefers key=value typed explicitly, then the sorted column, and merges an existing search_filter', () => {
    const withFilter = { operation: op('ListProjects'), args: { searchFilter: '{"owner.username":"amy"}' } };
    const explicit = serverFilter(withFilter, 'creator.username=bob', 'name');
    expect('call' in explicit && explicit.call.args.search_filter).toEqual({
      'owner.username': 'amy',
      'creator.username': 'bob',
    });
    const sorted = serverFilter(listProjects, 'ann', 'owner.username');
    expect('key' in sorted && sorted.key).toBe('owner.username');
    // A column the operation does not admit falls back to name.
    const other = serverFilter(listProjects, 'x', 'created_at');
    expect('key' in other && other.key).toBe('name');
  });
  it('says which keys exist when none fits, and when the operation takes none', () => {
    const collaborators = { operation: op('ListProjectCollaborators'), args: { project_id: 'p1' } };
    expect(serverFilter(collaborators, 'amy', undefined)).toEqual({
      message: 'search_filter of listProjectCollaborators takes username, permission; type key=value with /',
    });
    expect(serverFilter({ operation: op('ListExperiments'), args: {} }, 'x', undefined)).toEqual({
      message: 'listExperiments takes no search_filter; the filter stays on loaded rows',
    });
  });
});

describe('itemLabel', () => {
  it('names an item by name, username, id or path, shortened for breadcrumbs', () => {
    expect(itemLabel({ id: 'p1', name: 'churn model' })).toBe('churn model');
    expect(itemLabel({ id: 'p1' })).toBe('p1');
    expect(itemLabel({ path: 'src/main.py', is_dir: false })).toBe('src/main.py');
    expect(itemLabel({ name: 'x'.repeat(40) })).toBe(`${'x'.repeat(23)}…`);
    expect(itemLabel([1])).toBeUndefined();
  });
});
