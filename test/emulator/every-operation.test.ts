import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Emulator, startEmulator } from '../../src/emulator/index.js';
import { builtinSwagger } from '../../src/spec/index.js';
import { normaliseSpec } from '../../src/spec/normalise.js';
import type { Operation } from '../../src/spec/types.js';
import { validateValue } from '../../src/spec/validate-schema.js';
import { realSpecDocument } from '../helpers/real-spec.js';
import { call } from './emulator-harness.js';

/** runtimeError as the real spec states it (the builtin spec may name it differently). */
const runtimeError = {
  type: 'object',
  properties: {
    error: { type: 'string' },
    code: { type: 'integer' },
    message: { type: 'string' },
    details: { type: 'array' },
  },
};

/** Path parameter values; dotted names (`job.id`) read the plain one (`job_id`). */
const FIXED: Record<string, string> = {
  username: 'ada.okafor',
  user_id: '7',
  team_name: 'data-science',
  group_id: 'g-1',
  key_id: 'k-1',
  version_id: 'v-1',
  resource_group_id: '3',
  days_finished: '30',
  pushdown_enabled: 'true',
  raz_enabled: 'false',
  is_pushdown: 'true',
  request_id: 'req-1',
  category: 'release',
  metric_key: 'accuracy',
  path: 'notes/readme.txt',
};

let ids: Record<string, string> = {};

function paramValue(op: Operation, name: string): string {
  const plain = name.includes('.') ? `${name.slice(0, name.indexOf('.'))}_id` : name;
  if (name === 'experiment.project_id') return ids.project_id ?? '';
  if (plain === 'run_id' || name === 'run.id')
    return (op.path.includes('/experiments/') ? ids.experiment_run_id : ids.run_id) ?? '';
  if (plain === 'model_id' && op.path.startsWith('/api/v2/registry/')) return ids.registered_model_id ?? '';
  if (name === 'id' || name === 'cpuprofile.id') return ids.cpu_profile_id ?? '';
  if (name === 'runtimerepo.id') return ids.runtime_repo_id ?? '';
  return ids[plain] ?? 'x';
}

function urlOf(op: Operation): string {
  return op.path.replace(/\{([^}]+)\}/g, (_, name: string) =>
    encodeURIComponent(paramValue(op, name)).replace(/%2F/g, '/'),
  );
}

/** Which created object's `id` names which parameter. */
const CREATES: Record<string, [string, string]> = {
  CreateProject: ['project_id', 'id'],
  CreateJob: ['job_id', 'id'],
  CreateJobRun: ['run_id', 'id'],
  CreateApplication: ['application_id', 'id'],
  CreateModel: ['model_id', 'id'],
  CreateModelBuild: ['build_id', 'id'],
  CreateModelDeployment: ['deployment_id', 'id'],
  CreateExperiment: ['experiment_id', 'id'],
  CreateExperimentRun: ['experiment_run_id', 'id'],
  CreateCopilotModel: ['copilot_model_id', 'id'],
  CreateCopilotEmbeddingModel: ['copilot_embedding_model_id', 'id'],
  CreateDockerCredential: ['docker_credential_id', 'id'],
  CreateRuntimeRepo: ['runtime_repo_id', 'id'],
  CreateRegisteredModel: ['registered_model_id', 'model_id'],
  CreateV2Key: ['key_id', 'key_id'],
};

const BODIES: Record<string, unknown> = {
  ValidateAPIKey: { audience: 'API' },
  CreateProject: { name: 'every-op', description: 'made by the every-operation test' },
  CreateJob: { name: 'nightly', script: 'main.py', runtime_identifier: 'docker.example/py:1' },
  CreateApplication: { name: 'dash', subdomain: 'dash', script: 'app.py' },
  CreateModel: { name: 'scorer' },
  CreateExperiment: { name: 'tuning' },
};

function depth(op: Operation): number {
  return op.path.split('/').length;
}

/** Creates first (shallow to deep), then reads and actions, then deletes (deep to shallow). */
function ordered(ops: readonly Operation[]): Operation[] {
  const isCreate = (op: Operation) =>
    op.method === 'POST' && !op.path.endsWith('}') && !/:\w+$/.test(op.path);
  const creates = ops.filter(isCreate).sort((a, b) => depth(a) - depth(b));
  const deletes = ops.filter((op) => op.method === 'DELETE').sort((a, b) => depth(b) - depth(a));
  const rest = ops.filter((op) => !isCreate(op) && op.method !== 'DELETE');
  return [...creates, ...rest, ...deletes];
}

describe.each([
  ['the real spec', realSpecDocument, 158],
  ['the builtin spec', builtinSwagger, undefined],
])('every operation of %s', (_, document, count) => {
  const spec = normaliseSpec(document(), 'test');
  let emu: Emulator;
  beforeAll(async () => {
    emu = await startEmulator({ document: document(), seed: 'none' });
    ids = { ...FIXED };
  });
  afterAll(() => emu.close());

  it('answers each operation with a 2xx body valid against the response schema', async () => {
    if (count !== undefined) expect(spec.operations).toHaveLength(count);
    const failures: string[] = [];
    for (const op of ordered(spec.operations)) {
      if (op.operationId === 'DeleteCPUProfile' || op.operationId === 'UpdateCPUProfile') {
        const listed = await call(emu, 'GET', '/api/v2/cpuprofiles');
        ids.cpu_profile_id = String(listed.body.cpu_resource_profiles[0]?.id ?? '');
      }
      const init: Parameters<typeof call>[3] = {};
      if (op.multipart) {
        const form = new FormData();
        for (const p of op.params.filter((q) => q.in === 'formData')) {
          form.append(
            op.operationId === 'UploadFile' ? 'notes/readme.txt' : p.wireName,
            new Blob(['hello']),
            'readme.txt',
          );
        }
        init.form = form;
      } else if (op.body) init.body = BODIES[op.operationId] ?? {};
      const answer = await call(emu, op.method, urlOf(op), init);
      const label = `${op.operationId} ${op.method} ${urlOf(op)} -> ${answer.status}`;
      if (op.operationId === 'ListWorkloadExecutions') {
        // Live: an ordinary key is refused here (test/emulator/fidelity.test.ts).
        expect(answer.status, label).toBe(403);
        continue;
      }
      if (answer.status !== op.response.status) {
        failures.push(`${label}: ${answer.text.slice(0, 200)}`);
        expect(validateValue(runtimeError, answer.body, spec.definitions)).toEqual([]);
        continue;
      }
      if (op.response.schema) {
        const problems = validateValue(op.response.schema, answer.body, spec.definitions);
        if (problems.length > 0) failures.push(`${label}: ${problems.join('; ')}`);
      }
      const created = CREATES[op.operationId];
      if (created) ids[created[0]] = String(answer.body[created[1]]);
    }
    expect(failures).toEqual([]);
  });
});
