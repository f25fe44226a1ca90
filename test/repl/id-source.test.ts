import { describe, expect, it } from 'vitest';
import { OperationIndex } from '../../src/api/index.js';
import { IdPrefetch } from '../../src/repl/id-prefetch.js';
import { type IdSource, IdSources } from '../../src/repl/id-source.js';
import { realSpec } from './real-spec.js';

const spec = realSpec();
const operations = new OperationIndex(spec.operations);
const sources = new IdSources(spec);
const find = (line: string) => {
  const source = sources.find(line, operations);
  return source && { operation: source.operation.name, args: source.args, param: source.param };
};

describe('IdSources: the list call behind an id being typed', () => {
  it('finds the list whose items a parameter picks', () => {
    expect(find("await api.getProject({projectId: '")).toEqual({
      operation: 'listProjects',
      args: {},
      param: 'projectId',
    });
    expect(find('api.list_jobs({ project_id: "ab')).toMatchObject({ operation: 'listProjects' });
  });

  it('takes the list path arguments from the line, by any spelling', () => {
    expect(find("api.getJob({project_id: 'p-1', jobId: '")).toEqual({
      operation: 'listJobs',
      args: { projectId: 'p-1' },
      param: 'jobId',
    });
  });

  it('gives up when a path argument the list needs is not on the line', () => {
    expect(find("api.getJob({jobId: '")).toBeUndefined();
  });

  it('ignores what is not an id value', () => {
    expect(find("api.listProjects({ sort: '")).toBeUndefined();
    expect(find("api.updateApplication({ status: '")).toBeUndefined();
    expect(find('api.getProject({')).toBeUndefined();
    expect(find("api.listProjects({ searchFilter: { name: '")).toBeUndefined();
    expect(find("other.getProject({projectId: '")).toBeUndefined();
  });
});

describe('IdPrefetch: one background call per list and arguments per interval', () => {
  const source = (args: Record<string, string>): IdSource => ({
    operation: spec.operations.find((op) => op.name === 'listJobs')!,
    args,
    param: 'jobId',
  });

  it('starts a call once, again only after the interval, and apart for other arguments', async () => {
    let now = 1_000;
    const calls: IdSource[] = [];
    const prefetch = new IdPrefetch(
      async (s) => {
        calls.push(s);
      },
      30_000,
      () => now,
    );
    expect(prefetch.request(source({ projectId: 'p-1' }))).toBe(true);
    expect(prefetch.request(source({ projectId: 'p-1' }))).toBe(false);
    expect(prefetch.request(source({ projectId: 'p-2' }))).toBe(true);
    now += 29_999;
    expect(prefetch.request(source({ projectId: 'p-1' }))).toBe(false);
    now += 1;
    expect(prefetch.request(source({ projectId: 'p-1' }))).toBe(true);
    await Promise.resolve();
    await Promise.resolve();
    expect(calls.map((c) => c.args.projectId)).toEqual(['p-1', 'p-2', 'p-1']);
  });

  it('never throws into the key press, nor retries a failure at once', async () => {
    let attempts = 0;
    const prefetch = new IdPrefetch(() => {
      attempts++;
      throw new Error('HTTP 403');
    });
    expect(prefetch.request(source({ projectId: 'p-1' }))).toBe(true);
    expect(prefetch.request(source({ projectId: 'p-1' }))).toBe(false);
    await new Promise((resolve) => setImmediate(resolve));
    expect(attempts).toBe(1);
  });
});
