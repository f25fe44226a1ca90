import { describe, expect, it } from 'vitest';
import {
  bindArguments,
  collectArguments,
  exampleCall,
  examplePythonCall,
  helpText,
} from '../../src/api/index.js';
import { builtinSpec, normaliseSpec, type Operation } from '../../src/spec/index.js';
import { realSpec } from '../helpers/real-spec.js';

const spec = realSpec();
const op = (id: string): Operation => spec.operations.find((o) => o.operationId === id)!;

/** Runs an example line against a stand-in `api` that binds the arguments as the real one does. */
function bindExample(operation: Operation, line: string): void {
  const method = (...raw: unknown[]) => bindArguments(operation, collectArguments(operation, raw).args);
  const stand = { [operation.name]: method, [operation.pythonName]: method };
  new Function('api', `return ${line}`)(stand);
}

describe('help speaks both conventions', () => {
  it('shows the Python signature and the object form', () => {
    const text = helpText(op('CreateJobRun'), spec);
    expect(text).toContain('  create_job_run(body, project_id, job_id, **kwargs)');
    expect(text).toContain('  api.createJobRun({ body, projectId, jobId })');
  });

  it('every operation’s two examples carry every required parameter and bind as written', () => {
    for (const operation of spec.operations) {
      if (operation.params.some((p) => p.type === 'file' && p.required)) continue;
      expect(() => bindExample(operation, exampleCall(operation)), exampleCall(operation)).not.toThrow();
      expect(
        () => bindExample(operation, examplePythonCall(operation)),
        examplePythonCall(operation),
      ).not.toThrow();
    }
  });

  it('uses ids seen in the session in its examples', () => {
    const seen = (name: string) => ({ projectId: 'p-42', jobId: 'j-7' })[name];
    const text = helpText(op('CreateJobRun'), spec, { seen });
    expect(text).toContain("await api.createJobRun({ projectId: 'p-42', jobId: 'j-7' })");
    expect(text).toContain("await api.create_job_run({}, 'p-42', 'j-7')");
    const list = helpText(op('ListJobRuns'), spec, { seen });
    expect(list).toContain("api.listJobRuns.all({ projectId: 'p-42', jobId: 'j-7', limit: 100 })");
    expect(list).toContain("browse(api.listJobRuns({ projectId: 'p-42', jobId: 'j-7' }))");
  });

  it('says "* required" only when something is, and marks required body fields', () => {
    expect(helpText(op('ListProjects'), spec)).not.toContain('* required');
    expect(helpText(op('GetProject'), spec)).toContain('* required');
    // The real spec declares no required body field; a small one does.
    const small = normaliseSpec(
      {
        swagger: '2.0',
        info: { title: 't', version: '1' },
        paths: {
          '/api/v2/things': {
            post: {
              operationId: 'CreateThing',
              parameters: [
                { name: 'body', in: 'body', required: true, schema: { $ref: '#/definitions/Thing' } },
              ],
              responses: { '200': { description: 'ok', schema: { $ref: '#/definitions/Thing' } } },
            },
          },
        },
        definitions: {
          Thing: {
            type: 'object',
            required: ['name'],
            properties: { name: { type: 'string' }, note: { type: 'string' } },
          },
        },
      },
      'test',
    );
    const text = helpText(small.operations[0]!, small);
    expect(text).toMatch(/\n {2}\*name +string/);
    expect(text).toMatch(/\n {3}note +string/);
    expect(text).toContain("await api.createThing({ name: 'example' })");
    expect(text).toContain("await api.create_thing({ name: 'example' })");
  });

  it('shows nested body shapes one level deep', () => {
    const nested = spec.operations
      .flatMap((o) => o.params.filter((p) => p.in === 'body' && p.schema?.$ref).map((p) => [o, p] as const))
      .find(
        ([, p]) => Object.keys(spec.definitions[p.schema!.$ref!.split('/').pop()!]?.properties ?? {}).length,
      );
    expect(nested).toBeDefined();
    const [operation, param] = nested!;
    const keys = Object.keys(spec.definitions[param.schema!.$ref!.split('/').pop()!]!.properties!);
    expect(helpText(operation, spec, { width: 400 })).toContain(`{ ${keys.slice(0, 2).join(', ')}`);
  });

  it('wraps at word boundaries at the width it is given, and cuts nothing', () => {
    for (const width of [60, 100, 160]) {
      const text = helpText(op('CreateJob'), spec, { width });
      for (const line of text.split('\n')) {
        if (line.length > width) expect(line.trim().split(' ').length, line).toBe(1);
      }
      expect(text).not.toContain('…—');
      const flat = text.replace(/\s+/g, ' ');
      expect(flat).toContain('Schedule to run a job automatically.');
    }
  });

  it('does not end a field’s sentence at "e.g." (`.help updateProject`, `cmlsh describe createJob`)', () => {
    const flat = (text: string) => text.replace(/\s+/g, ' ');
    expect(flat(helpText(op('UpdateProject'), spec, { width: 200 }))).toContain(
      'Creation status of the project (e.g. creating, success, failure)',
    );
    const builtin = builtinSpec();
    const createJob = builtin.operations.find((o) => o.name === 'createJob')!;
    expect(flat(helpText(createJob, builtin, { width: 200 }))).toContain(
      'Kernel of legacy engines, e.g. python3.',
    );
  });
});
