import { beforeEach, describe, expect, it } from 'vitest';
import { OperationIndex } from '../../src/api/index.js';
import { type CompletionContext, completeLine, completionContext } from '../../src/repl/completion.js';
import { labelledIds } from '../../src/repl/labelled-ids.js';
import { SeenIds } from '../../src/repl/seen-ids.js';
import type { ApiSpec, Operation } from '../../src/spec/index.js';
import { realSpec } from './real-spec.js';

const spec: ApiSpec = realSpec();
const op = (name: string): Operation => {
  const found = spec.operations.find((o) => o.name === name);
  if (!found) throw new Error(`no ${name}`);
  return found;
};

/** What Node's readline inserts on Tab: the common prefix of the candidates. */
function commonPrefix(strings: readonly string[]): string {
  let prefix = strings[0] ?? '';
  for (const s of strings) while (!s.startsWith(prefix)) prefix = prefix.slice(0, -1);
  return prefix;
}

describe('labelledIds', () => {
  it('puts each name beside its id, aligned, one entry per line at the given width', () => {
    const entries = labelledIds(
      [
        { text: 'ab-1', label: 'one' },
        { text: 'ab-22', label: 'two' },
        { text: 'c', label: undefined },
      ],
      100,
    );
    expect(entries.map((e) => e.trimEnd())).toEqual(['ab-1   one', 'ab-22  two', 'c']);
    // readline fits floor(columns / (longest + 2)) entries on a row: one, here.
    const longest = Math.max(...entries.map((e) => e.length));
    expect(Math.floor(100 / (longest + 2))).toBe(1);
  });

  it('keeps a lone candidate, or a list without names, bare', () => {
    expect(labelledIds([{ text: 'ab-1', label: 'one' }], 80)).toEqual(['ab-1']);
    expect(
      labelledIds(
        [
          { text: 'a', label: undefined },
          { text: 'b', label: undefined },
        ],
        80,
      ),
    ).toEqual(['a', 'b']);
  });

  it('never lets Tab insert past the ids, even when one id starts another', () => {
    const sets = [
      ['abc-1', 'abc-2', 'abc-10'],
      ['x', 'xy', 'xyz'],
      ["'p-1'", "'p-2'"],
    ];
    for (const ids of sets) {
      const entries = labelledIds(
        ids.map((text) => ({ text, label: `name of ${text}` })),
        80,
      );
      expect(commonPrefix(entries)).toBe(commonPrefix(ids));
    }
  });

  it('shortens long names to fit one screen row', () => {
    const [first] = labelledIds(
      [
        { text: 'id-1', label: 'n'.repeat(200) },
        { text: 'id-2', label: 'short' },
      ],
      60,
    );
    expect(first?.length).toBeLessThanOrEqual(57);
    expect(first?.trimEnd().endsWith('…')).toBe(true);
  });
});

describe('completion with names beside seen ids', () => {
  let seen: SeenIds;
  let context: CompletionContext;

  beforeEach(() => {
    seen = new SeenIds(spec);
    context = completionContext(spec, new OperationIndex(spec.operations), (name) => seen.get(name), {
      label: (name, value) => seen.label(name, value),
      columns: () => 80,
    });
  });

  it('remembers the name, title or username of what a list answered', () => {
    seen.record(op('listProjects'), {}, { projects: [{ id: 'p-1', name: 'churn' }, { id: 'p-2' }] });
    seen.record(op('getJob'), { projectId: 'p-1', jobId: 'j-1' }, { id: 'j-1', name: 'nightly' });
    expect(seen.label('projectId', 'p-1')).toBe('churn');
    expect(seen.label('projectId', 'p-2')).toBeUndefined();
    expect(seen.label('jobId', 'j-1')).toBe('nightly');
    // A path argument seen again keeps the name it had.
    seen.record(op('listJobs'), { projectId: 'p-1' }, { jobs: [] });
    expect(seen.label('projectId', 'p-1')).toBe('churn');
  });

  it('offers ids with names, and inserts only the id', () => {
    seen.record(
      op('listProjects'),
      {},
      {
        projects: [
          { id: 'p-1', name: 'churn' },
          { id: 'p-2', name: 'fraud' },
        ],
      },
    );
    const [candidates, on] = completeLine("await api.getProject({ projectId: '", context) ?? [[], 'x'];
    expect(on).toBe('');
    expect(candidates.map((c) => c.trimEnd())).toEqual(['p-2  fraud', 'p-1  churn']);
    expect(completeLine("api.getProject({ projectId: 'p-1", context)?.[0]).toEqual(['p-1']);
    // Outside quotes the candidates carry their quotes, names still beside them.
    expect(completeLine('api.getProject({ projectId: ', context)?.[0].map((c) => c.trimEnd())).toEqual([
      "'p-2'  fraud",
      "'p-1'  churn",
    ]);
  });

  it('leaves enum and sort values without names', () => {
    const [candidates] = completeLine("api.updateApplication({ status: 'APPLICATION_S", context) ?? [[]];
    expect(candidates).toEqual(['APPLICATION_STARTING', 'APPLICATION_STOPPING', 'APPLICATION_STOPPED']);
  });
});
