import type { Schema } from '../spec/types.js';
import { projectSlug } from './create-defaults.js';
import { describeCron } from './cron-english.js';
import { fakeName } from './fake-data.js';
import { idFor } from './ids.js';
import type { Clock } from './lifecycle.js';
import { createRng } from './prng.js';
import { SHARED_WITH } from './project-access.js';
import type { ResourceType } from './resources.js';
import { putFileRecord } from './seed-files.js';
import { seedReadOnlyLists } from './seed-lists.js';
import { seedModel } from './seed-models.js';
import { iso, make, put, type SeedContext } from './seed-records.js';
import { DEFAULT_RUNTIME, demoRuntimes } from './seed-runtimes.js';
import { appState, experimentData, seedRun } from './seed-work.js';
import type { Rec, Store } from './store.js';
import { DEMO_USERS, KEY_OWNER } from './users.js';

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
const SCRIPTS = ['jobs/train.py', 'jobs/score.py', 'etl/refresh.py', 'reports/weekly.py'];
const EXPERIMENT_RUN_STATUSES = [
  'EXPERIMENT_RUN_FINISHED',
  'EXPERIMENT_RUN_FINISHED',
  'EXPERIMENT_RUN_FAILED',
  'EXPERIMENT_RUN_RUNNING',
];

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
  clock: Clock,
): void {
  const seed: SeedContext = { store, types, definitions, clock };
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
    const id = idFor('Project', undefined, rng);
    const created = EPOCH - (projects - i) * (DAY / Math.max(1, projects / 365)) - rng.int(0, DAY);
    const project = make(seed, '/api/v2/projects', rng, {
      id,
      name,
      slug: projectSlug(name),
      // The key's owner collaborates on everyone's projects, so the default list (own and
      // shared projects) shows the whole demo; removing them as a collaborator hides one.
      [SHARED_WITH]: owner.username !== KEY_OWNER.username ? [KEY_OWNER.username] : [],
      owner: { ...owner },
      creator: { ...owner },
      created_at: iso(created),
      updated_at: iso(created + rng.int(0, 60) * DAY),
      visibility: rng.pick(['private', 'private', 'public', 'organization']),
      default_engine_type: 'ml_runtime',
      creation_status: 'success',
      environment: '{}',
      shared_memory_limit: 64,
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
    const jobId = idFor('Job', undefined, rng);
    const schedule = rng.chance(0.6) ? rng.pick(CRONS) : '';
    const jobCreated = created + (1 + j * 2) * DAY + rng.int(0, DAY);
    const script = rng.pick(SCRIPTS);
    const job = make(seed, '/api/v2/projects/{}/jobs', rng, {
      id: jobId,
      name: `${fakeName(rng)}`,
      creator: { ...owner },
      owner: { ...owner },
      project: shortProject,
      script,
      type: schedule ? 'cron' : 'manual',
      schedule,
      english_schedule: describeCron(schedule),
      timezone: 'America/Los_Angeles',
      parent_id: '',
      paused: schedule !== '' && rng.chance(0.15),
      kernel: 'python3',
      runtime_identifier: DEFAULT_RUNTIME,
      engine_image_id: '0',
      timeout: String(rng.pick([0, 3600, 7200])),
      created_at: iso(jobCreated),
      updated_at: iso(jobCreated + rng.int(0, 20) * DAY),
      cpu: rng.pick([1, 2, 4]),
      memory: rng.pick([2, 4, 8]),
      nvidia_gpu: 0,
    });
    put(seed, '/api/v2/projects/{}/jobs', `${base}/jobs`, base, jobId, job);
    const runs: Rec[] = [];
    for (let k = rng.int(0, 4); k > 0; k--) {
      const status = ENGINE_STATUSES[(index * 7 + j * 3 + k) % ENGINE_STATUSES.length] as string;
      const run = seedRun(seed, rng, status, jobCreated + (30 + k) * DAY, {
        id: idFor('JobRun', 'alphanumeric', rng),
        project_id: pid,
        job_id: jobId,
        creator: { ...owner },
        kernel: 'python3',
        runtime_identifier: DEFAULT_RUNTIME,
        cpu: job?.cpu ?? 1,
        memory: job?.memory ?? 2,
        nvidia_gpu: 0,
        arguments: '',
        environment: '{}',
      });
      if (run) runs.push(run);
    }
    // Listed in the order they were made, as a workspace lists them.
    runs.sort((x, y) => String(x.created_at).localeCompare(String(y.created_at)));
    for (const run of runs) {
      const runs = `${base}/jobs/${jobId}/runs`;
      put(seed, '/api/v2/projects/{}/jobs/{}/runs', runs, `${base}/jobs/${jobId}`, String(run.id), run);
    }
  }
  for (let a = rng.int(0, 2); a > 0; a--) {
    const appId = idFor('Application', undefined, rng);
    const appCreated = created + 2 * DAY + rng.int(0, DAY);
    const status = APP_STATUSES[(index + a) % APP_STATUSES.length] as string;
    const app = make(seed, '/api/v2/projects/{}/applications', rng, {
      id: appId,
      name: `${fakeName(rng)}`,
      creator: { ...owner },
      subdomain: `${String(project.name).slice(0, 20)}-${a}`,
      script: 'app/dashboard.py',
      kernel: 'python3',
      runtime_identifier: DEFAULT_RUNTIME,
      created_at: iso(appCreated),
      updated_at: iso(appCreated + rng.int(0, 25) * DAY),
      cpu: 1,
      memory: 2,
      nvidia_gpu: 0,
      ...appState(seed, status, appCreated),
    });
    put(seed, '/api/v2/projects/{}/applications', `${base}/applications`, base, appId, app);
  }
  if (rng.chance(0.4)) seedModel(seed, rng, base, pid, owner, shortProject, at);
  for (let e = rng.int(0, 2); e > 0; e--) {
    const expId = idFor('Experiment', undefined, rng);
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
      const runId = idFor('ExperimentRun', undefined, rng);
      const status = rng.pick(EXPERIMENT_RUN_STATUSES);
      const started = created + (4 + r) * DAY + rng.int(0, DAY);
      const run = make(seed, '/api/v2/projects/{}/experiments/{}/runs', rng, {
        id: runId,
        experiment_id: expId,
        name: `run-${r}`,
        user: { ...owner },
        status,
        start_time: iso(started),
        ...(status === 'EXPERIMENT_RUN_RUNNING' ? {} : { end_time: iso(started + rng.int(60, 3600) * 1000) }),
        data: experimentData(rng, started),
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
  const collaborators = project[SHARED_WITH];
  for (const username of Array.isArray(collaborators) ? (collaborators as string[]) : []) {
    const user = DEMO_USERS.find((u) => u.username === username);
    const rec = make(seed, '/api/v2/projects/{}/collaborators', rng, {
      username,
      permission: 'write',
      ...(user ? { user: { ...user } } : {}),
    });
    put(seed, '/api/v2/projects/{}/collaborators', `${base}/collaborators`, base, username, rec);
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
