import type { Schema } from '../spec/types.js';
import { fakeName } from './fake-data.js';
import { dashedId, engineId } from './ids.js';
import { createRng } from './prng.js';
import type { ResourceType } from './resources.js';
import { putFileRecord } from './seed-files.js';
import { seedReadOnlyLists } from './seed-lists.js';
import { seedModel } from './seed-models.js';
import { iso, make, put, type SeedContext } from './seed-records.js';
import { DEFAULT_RUNTIME, demoRuntimes } from './seed-runtimes.js';
import type { Rec, Store } from './store.js';
import { DEMO_USERS } from './users.js';

const EPOCH = Date.UTC(2026, 5, 1);
const DAY = 24 * 3600 * 1000;
const ENGINE_STATUSES = [
  'ENGINE_SUCCEEDED',
  'ENGINE_FAILED',
  'ENGINE_RUNNING',
  'ENGINE_SCHEDULING',
  'ENGINE_STARTING',
  'ENGINE_STOPPING',
  'ENGINE_STOPPED',
  'ENGINE_TIMEDOUT',
  'ENGINE_SKIPPED',
  'ENGINE_UNKNOWN',
];
const APP_STATUSES = [
  'APPLICATION_RUNNING',
  'APPLICATION_STOPPED',
  'APPLICATION_STARTING',
  'APPLICATION_FAILED',
  'APPLICATION_STOPPING',
  'APPLICATION_UNKNOWN',
];
/** Projects up to this index all get jobs, runs, apps, models, experiments and files. */
const DENSE_PROJECTS = 240;
const CRONS = ['0 2 * * *', '*/30 * * * *', '0 6 * * 1-5', '15 0 1 * *', '0 */4 * * *'];

/**
 * Fills the store with a believable workspace: projects owned by a dozen users, and under
 * each, generated on first access, jobs with cron schedules and runs in every EngineStatus,
 * applications, models with builds and deployments, experiments with runs, and files.
 * Deterministic: project i is the same every start, whatever order it is touched in.
 */
export function seedDemo(
  store: Store,
  types: ReadonlyMap<string, ResourceType>,
  definitions: Readonly<Record<string, Schema>>,
  projects: number,
): void {
  const seed: SeedContext = { store, types, definitions };
  for (const runtime of demoRuntimes()) {
    put(
      seed,
      '/api/v2/runtimes',
      '/api/v2/runtimes',
      undefined,
      String(runtime.image_identifier),
      make(seed, '/api/v2/runtimes', createRng(1), runtime),
    );
  }
  seedReadOnlyLists(seed);
  const names = new Set<string>();
  for (let i = 0; i < projects; i++) {
    const rng = createRng(0x5eed0000 + i);
    const owner = DEMO_USERS[i % DEMO_USERS.length] as (typeof DEMO_USERS)[number];
    let name = fakeName(rng);
    if (names.has(name)) name = `${name}-${i}`;
    names.add(name);
    const id = dashedId(rng);
    const created = EPOCH - (projects - i) * (DAY / Math.max(1, projects / 365)) - rng.int(0, DAY);
    const project = make(seed, '/api/v2/projects', rng, {
      id,
      name,
      slug: `${owner.username}/${name}`,
      owner: { ...owner },
      creator: { ...owner },
      created_at: iso(created),
      updated_at: iso(created + rng.int(0, 60) * DAY),
      visibility: rng.pick(['private', 'private', 'public', 'organization']),
      default_engine_type: 'ml_runtime',
      creation_status: 'success',
      environment: '{}',
      permissions: {
        admin: true,
        business_user: false,
        inherit: false,
        operator: false,
        read: true,
        write: true,
      },
    });
    if (!project) continue;
    store.put('/api/v2/projects', '/api/v2/projects', undefined, id, project);
    // Past the demo's size (benchmark scale) most projects are fresh and empty, which keeps
    // a workspace-wide list over 30,000 projects from materialising half a million records.
    if (i < DENSE_PROJECTS || rng.chance(0.2))
      store.setLazy(`/api/v2/projects/${id}`, () => seedChildren(seed, project, i));
  }
}

function seedChildren(seed: SeedContext, project: Rec, index: number): void {
  const rng = createRng(0xc41d0000 + index);
  const pid = String(project.id);
  const base = `/api/v2/projects/${pid}`;
  const owner = project.owner as Rec;
  const shortProject = {
    public_identifier: pid,
    name: project.name,
    default_project_engine: 'ml_runtime',
    slug: project.slug,
  };
  const created = Date.parse(String(project.created_at));
  const at = (days: number) => iso(created + days * DAY + rng.int(0, DAY));

  const jobs = rng.int(0, 4);
  for (let j = 0; j < jobs; j++) {
    const jobId = dashedId(rng);
    const cron = rng.chance(0.6);
    const job = make(seed, '/api/v2/projects/{}/jobs', rng, {
      id: jobId,
      name: `${fakeName(rng)}`,
      creator: { ...owner },
      owner: { ...owner },
      project: shortProject,
      type: cron ? 'cron' : 'manual',
      schedule: cron ? rng.pick(CRONS) : '',
      parent_id: '',
      english_schedule: cron ? 'Scheduled' : '',
      paused: rng.chance(0.15),
      kernel: 'python3',
      runtime_identifier: DEFAULT_RUNTIME,
      engine_image_id: '0',
      timeout: String(rng.pick([0, 3600, 7200])),
      created_at: at(1),
      updated_at: at(20),
      cpu: rng.pick([1, 2, 4]),
      memory: rng.pick([2, 4, 8]),
      nvidia_gpu: 0,
    });
    put(seed, '/api/v2/projects/{}/jobs', `${base}/jobs`, base, jobId, job);
    const runs = rng.int(0, 4);
    for (let k = 0; k < runs; k++) {
      const runId = engineId(rng);
      const status = ENGINE_STATUSES[(index * 7 + j * 3 + k) % ENGINE_STATUSES.length];
      const start = created + (30 + k) * DAY;
      const run = make(seed, '/api/v2/projects/{}/jobs/{}/runs', rng, {
        id: runId,
        project_id: pid,
        job_id: jobId,
        status,
        creator: { ...owner },
        kernel: 'python3',
        runtime_identifier: DEFAULT_RUNTIME,
        created_at: iso(start),
        scheduling_at: iso(start),
        starting_at: iso(start + 20_000),
        running_at: iso(start + 45_000),
        finished_at: iso(start + 600_000),
        cpu: job?.cpu ?? 1,
        memory: job?.memory ?? 2,
        nvidia_gpu: 0,
        arguments: '',
        environment: '{}',
      });
      put(
        seed,
        '/api/v2/projects/{}/jobs/{}/runs',
        `${base}/jobs/${jobId}/runs`,
        `${base}/jobs/${jobId}`,
        runId,
        run,
      );
    }
  }
  for (let a = rng.int(0, 2); a > 0; a--) {
    const appId = dashedId(rng);
    const app = make(seed, '/api/v2/projects/{}/applications', rng, {
      id: appId,
      name: `${fakeName(rng)}`,
      creator: { ...owner },
      status: APP_STATUSES[(index + a) % APP_STATUSES.length],
      subdomain: `${String(project.name).slice(0, 20)}-${a}`,
      script: 'app/dashboard.py',
      kernel: 'python3',
      runtime_identifier: DEFAULT_RUNTIME,
      created_at: at(2),
      updated_at: at(25),
      cpu: 1,
      memory: 2,
      nvidia_gpu: 0,
    });
    put(seed, '/api/v2/projects/{}/applications', `${base}/applications`, base, appId, app);
  }
  if (rng.chance(0.4)) seedModel(seed, rng, base, pid, owner, shortProject, at);
  for (let e = rng.int(0, 2); e > 0; e--) {
    const expId = dashedId(rng);
    const exp = make(seed, '/api/v2/projects/{}/experiments', rng, {
      id: expId,
      project_id: pid,
      name: `${fakeName(rng)}-exp`,
      user: { ...owner },
      lifecycle_stage: 'active',
      artifact_location: `/home/cdsw/.experiments/${expId}`,
      created_at: at(3),
      updated_at: at(9),
    });
    put(seed, '/api/v2/projects/{}/experiments', `${base}/experiments`, base, expId, exp);
    for (let r = rng.int(0, 3); r > 0; r--) {
      const runId = dashedId(rng);
      const run = make(seed, '/api/v2/projects/{}/experiments/{}/runs', rng, {
        id: runId,
        experiment_id: expId,
        name: `run-${r}`,
        user: { ...owner },
        status: rng.pick([
          'EXPERIMENT_RUN_FINISHED',
          'EXPERIMENT_RUN_FINISHED',
          'EXPERIMENT_RUN_FAILED',
          'EXPERIMENT_RUN_RUNNING',
        ]),
        start_time: at(4 + r),
        end_time: at(5 + r),
      });
      put(
        seed,
        '/api/v2/projects/{}/experiments/{}/runs',
        `${base}/experiments/${expId}/runs`,
        `${base}/experiments/${expId}`,
        runId,
        run,
      );
    }
  }
  putFileRecord(
    seed.store,
    pid,
    'README.md',
    `# ${String(project.name)}\n\nOwned by ${String(owner.name)}.\n`,
  );
  putFileRecord(seed.store, pid, 'main.py', 'import pandas as pd\n\nprint("hello from CML")\n');
  if (rng.chance(0.5)) putFileRecord(seed.store, pid, 'data/sample.csv', 'id,value\n1,0.5\n2,0.75\n');
}
