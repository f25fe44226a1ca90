import { describe, expect, it } from 'vitest';
import { bindArguments, buildRequest } from '../../src/api/index.js';
import { CmlUsageError } from '../../src/errors/index.js';
import type { Operation } from '../../src/spec/index.js';
import { realSpec } from '../helpers/real-spec.js';

const op = (id: string): Operation => {
  const found = realSpec().operations.find((o) => o.operationId === id);
  if (!found) throw new Error(`no ${id}`);
  return found;
};

function usageMessage(fn: () => unknown): string {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(CmlUsageError);
    return (error as Error).message;
  }
  throw new Error('expected a CmlUsageError');
}

describe('arguments are checked before anything is sent', () => {
  it('names a missing required path parameter and shows an example', () => {
    expect(usageMessage(() => bindArguments(op('GetJob'), { projectId: 'p' }))).toBe(
      "getJob needs jobId (path, string). Example: api.getJob({ projectId: '<project_id>', jobId: '<job_id>' })",
    );
  });

  it('suggests the nearest name for an unknown parameter', () => {
    const message = usageMessage(() => bindArguments(op('ListProjects'), { pageSise: 3 }));
    expect(message).toContain('listProjects has no parameter "pageSise". Did you mean pageSize');
    expect(message).toContain('Parameters: searchFilter, sort, pageSize, pageToken');
  });

  it('refuses a wrongly typed value, saying what is allowed', () => {
    expect(usageMessage(() => bindArguments(op('ListProjects'), { pageSize: 'ten' }))).toBe(
      'listProjects: pageSize must be integer (int32), not the string "ten"',
    );
    expect(
      usageMessage(() => bindArguments(op('CreateJob'), { projectId: 'p', name: 'j', cpu: 'two' })),
    ).toContain('createJob: cpu must be number (double)');
  });

  it('refuses a search_filter that is not a JSON object', () => {
    expect(usageMessage(() => bindArguments(op('ListProjects'), { searchFilter: '{name:' }))).toMatch(
      /^listProjects: searchFilter must be an object \(sent as JSON\).*not the string "\{name:" \(/,
    );
  });

  it('refuses a value outside an enum', () => {
    const withEnum = realSpec().operations.flatMap((o) =>
      o.params.filter((p) => p.enum?.length && p.type === 'string').map((p) => [o, p] as const),
    )[0];
    expect(withEnum).toBeDefined();
    const [operation, param] = withEnum!;
    const required = Object.fromEntries(operation.params.filter((p) => p.required).map((p) => [p.name, '1']));
    expect(usageMessage(() => bindArguments(operation, { ...required, [param.name]: 'NOPE' }))).toContain(
      `${param.name} must be one of ${param.enum!.join(', ')}`,
    );
  });

  it('refuses the same parameter given under two spellings', () => {
    expect(
      usageMessage(() => bindArguments(op('GetProject'), { projectId: 'a', project_id: 'b' })),
    ).toContain('projectId is given twice');
  });

  it('accepts the body whole, with named fields on top, and dotted path ids', async () => {
    const request = await buildRequest(op('UpdateJob'), {
      project_id: 'p1',
      jobId: 'j/1',
      body: { name: 'old', script: 'a.py' },
      name: 'new',
    });
    expect(request.method).toBe('PATCH');
    expect(request.path).toBe('/api/v2/projects/p1/jobs/j%2F1');
    expect(request.json).toEqual({ name: 'new', script: 'a.py' });
  });

  it('sends int64 fields as strings without losing precision', async () => {
    const request = await buildRequest(op('CreateJob'), { projectId: 'p', name: 'n', timeout: 30 });
    const timeout = op('CreateJob').params.find((p) => p.wireName === 'timeout');
    const sent = (request.json as Record<string, unknown>).timeout;
    expect(sent).toBe(timeout?.format === 'int64' ? '30' : 30);
    expect((request.json as Record<string, unknown>).project_id).toBe('p');
  });

  it('serialises a search_filter object to JSON and repeats array query values', async () => {
    const list = await buildRequest(op('ListProjects'), {
      searchFilter: { 'creator.username': 'ann' },
      sort: '-name',
    });
    expect(list.query).toEqual([
      ['search_filter', '{"creator.username":"ann"}'],
      ['sort', '-name'],
    ]);
    const batch = await buildRequest(op('BatchListProjects'), { projectIds: ['a', 'b'] });
    expect(batch.query).toEqual([
      ['project_ids', 'a'],
      ['project_ids', 'b'],
    ]);
  });

  it('keeps the custom verb after the colon', async () => {
    const request = await buildRequest(op('StopJobRun'), { projectId: 'p', jobId: 'j', runId: 'r' });
    expect(request.path).toBe('/api/v2/projects/p/jobs/j/runs/r:stop');
    expect(request.idempotent).toBe(false);
  });

  it('says how to call when given something other than an object', () => {
    expect(usageMessage(() => bindArguments(op('GetProject'), 'abc' as never))).toBe(
      'getProject takes one object of arguments, e.g. api.getProject({ projectId: \'<project_id>\' }); got the string "abc"',
    );
  });
});

describe('uploads name the form field after the destination', () => {
  it('in the real spec and in the builtin one', async () => {
    const { builtinSpec } = await import('../../src/spec/index.js');
    for (const spec of [realSpec(), builtinSpec()]) {
      const upload = spec.operations.find((o) => o.operationId === 'UploadFile')!;
      const request = await buildRequest(upload, {
        projectId: 'p',
        file: { data: Buffer.from('x'), name: 'a.py' },
        destination: 'src/train.py',
      });
      const fields = [...(request.form as FormData).keys()];
      expect(fields).toEqual(['src/train.py']);
      const byName = await buildRequest(upload, {
        projectId: 'p',
        file: { data: Buffer.from('x'), name: 'a.py' },
      });
      expect([...(byName.form as FormData).keys()]).toEqual(['a.py']);
    }
  });
});

describe('a whole body is checked like named fields', () => {
  it('refuses an unknown or mistyped field inside body, with the nearest name', () => {
    expect(usageMessage(() => bindArguments(op('CreateProject'), { body: { nmae: 'x' } }))).toMatch(
      /^createProject: body has no field "nmae"\. Did you mean name/,
    );
    expect(usageMessage(() => bindArguments(op('CreateProject'), { body: { name: 5 } }))).toBe(
      'createProject: name must be string, not number 5',
    );
  });

  it('accepts a resource read back whole as the body of its update', async () => {
    const request = await buildRequest(op('UpdateJob'), {
      projectId: 'p',
      jobId: 'j',
      body: { id: 'j', name: 'nightly', timeout: '30' },
    });
    expect(request.json).toEqual({ id: 'j', name: 'nightly', timeout: '30' });
  });

  it('refuses a bigint that an integer field cannot hold exactly', () => {
    const integerField = realSpec()
      .operations.flatMap((o) =>
        o.params.filter((p) => p.in === 'body' && p.type === 'integer').map((p) => [o, p] as const),
      )
      .find(([o]) => !o.params.some((p) => p.required && p.in === 'path'));
    expect(integerField).toBeDefined();
    const [operation, param] = integerField!;
    expect(usageMessage(() => bindArguments(operation, { [param.name]: 2n ** 60n }))).toContain(
      'without losing digits',
    );
  });
});
