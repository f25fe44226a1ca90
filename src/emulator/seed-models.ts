import { fakeName } from './fake-data.js';
import { idFor } from './ids.js';
import type { Rng } from './prng.js';
import { make, put, type SeedContext } from './seed-records.js';
import { DEFAULT_RUNTIME } from './seed-runtimes.js';
import type { Rec } from './store.js';

/** One model with a build or two, and a deployment of each successful build. */
export function seedModel(
  seed: SeedContext,
  rng: Rng,
  base: string,
  pid: string,
  owner: Rec,
  shortProject: Rec,
  at: (days: number) => string,
): void {
  const modelId = idFor('Model', undefined, rng);
  const model = make(seed, '/api/v2/projects/{}/models', rng, {
    id: modelId,
    name: `${fakeName(rng)}`,
    creator: { ...owner },
    project: shortProject,
    auth_enabled: true,
    visibility: 'private',
    crn: `crn:cdp:ml:us-west-1:demo:workspace:demo/${modelId}`,
    deletion_status: '',
    // DefaultResources counts millicores and MB.
    default_resources: { cpu_millicores: '1000', memory_mb: '2048', nvidia_gpus: '0' },
    created_at: at(5),
    updated_at: at(12),
  });
  put(seed, '/api/v2/projects/{}/models', `${base}/models`, base, modelId, model);
  for (let b = rng.int(1, 2); b > 0; b--) {
    const buildId = idFor('ModelBuild', undefined, rng);
    const status = rng.pick(['built', 'built', 'build failed']);
    const build = make(seed, '/api/v2/projects/{}/models/{}/builds', rng, {
      id: buildId,
      model_id: modelId,
      creator: { ...owner },
      comment: `build ${b}`,
      file_path: 'model/predict.py',
      function_name: 'predict',
      kernel: 'python3',
      status,
      runtime_identifier: DEFAULT_RUNTIME,
      created_at: at(6),
      updated_at: at(7),
      ...(status === 'built' ? { built_at: at(7) } : {}),
      crn: `crn:cdp:ml:us-west-1:demo:workspace:demo/${buildId}`,
    });
    const builds = `${base}/models/${modelId}/builds`;
    put(seed, '/api/v2/projects/{}/models/{}/builds', builds, `${base}/models/${modelId}`, buildId, build);
    if (build?.status !== 'built') continue;
    const depId = idFor('ModelDeployment', undefined, rng);
    const depStatus = rng.pick(['deployed', 'stopped', 'deployed']);
    const dep = make(seed, '/api/v2/projects/{}/models/{}/builds/{}/deployments', rng, {
      id: depId,
      project_id: pid,
      model_id: modelId,
      build_id: buildId,
      deployer: { ...owner },
      status: depStatus,
      cpu: 1,
      memory: 2,
      nvidia_gpu: 0,
      replicas: 1,
      crn: `crn:cdp:ml:us-west-1:demo:workspace:demo/${depId}`,
      created_at: at(8),
      updated_at: at(9),
      ...(depStatus === 'stopped' ? { stopped_at: at(9) } : {}),
      environment: '{}',
    });
    put(
      seed,
      '/api/v2/projects/{}/models/{}/builds/{}/deployments',
      `${builds}/${buildId}/deployments`,
      `${builds}/${buildId}`,
      depId,
      dep,
    );
  }
}
