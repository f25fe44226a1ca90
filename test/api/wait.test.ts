import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Api, connect, type WaitProgress, waitKinds } from '../../src/api/index.js';
import type { Emulator } from '../../src/emulator/index.js';
import { CmlAbortError, CmlUsageError, CmlWaitTimeoutError } from '../../src/errors/index.js';
import { startReal } from '../emulator/emulator-harness.js';
import { realSpec } from '../helpers/real-spec.js';

// The emulator's clock is ours: a run moves one stage each time a test says so, not with time.
const STEP_MS = 1000;
let clock = Date.now() + 365 * 24 * 3_600_000;
let emu: Emulator;
let api: Api;
type Rec = Record<string, unknown>;
// biome-ignore lint/suspicious/noExplicitAny: api.wait is not an operation, so Api does not type it
const wait = (...args: unknown[]) => (api as any).wait(...args) as Promise<any>;
/** A progress hook that moves the emulator on by one stage after every poll. */
const stepping = (seen: WaitProgress[] = []) => ({
  intervalMs: 1,
  onProgress: (progress: WaitProgress) => {
    seen.push(progress);
    clock += STEP_MS;
  },
});

beforeAll(async () => {
  emu = await startReal({ tokens: ['t'], runStepMs: STEP_MS, now: () => clock });
  ({ api } = await connect({ host: emu.url, token: 't', loadedSpec: realSpec() }));
});
afterAll(() => emu.close());

async function firstJob(): Promise<{ projectId: string; jobId: string }> {
  const projects = (await api.listProjects!({ pageSize: 1 })) as { items: Rec[] };
  const projectId = String(projects.items[0]?.id);
  const jobs = (await api.listJobs!({ projectId, pageSize: 1 })) as { items: Rec[] };
  return { projectId, jobId: String(jobs.items[0]?.id) };
}

describe('api.wait against the emulator of the real spec', () => {
  it('waits on a job run from the spec: the kinds are those with final states and a GET of one', () => {
    expect(waitKinds(realSpec()).map((kind) => [kind.name, kind.operation.operationId])).toEqual(
      expect.arrayContaining([
        ['application', 'GetApplication'],
        ['experiment-run', 'GetExperimentRun'],
        ['job-run', 'GetJobRun'],
        ['model-build', 'GetModelBuild'],
        ['model-deployment', 'GetModelDeployment'],
      ]),
    );
    // A runtime's status (ENABLED...) never ends: nothing to wait for.
    expect(waitKinds(realSpec()).map((kind) => kind.model)).not.toContain('Runtime');
  });

  it('a pending createJobRun: polls through every stage and resolves to the final run', async () => {
    const ids = await firstJob();
    const seen: WaitProgress[] = [];
    const run = await wait(api.createJobRun!(ids), stepping(seen));
    expect(run.status).toBe('ENGINE_SUCCEEDED');
    expect(run.finished_at).toBeTruthy();
    const states = seen.map((p) => p.targets[0]?.state);
    expect(states).toEqual(expect.arrayContaining(['ENGINE_STARTING', 'ENGINE_RUNNING', 'ENGINE_SUCCEEDED']));
    expect(seen.at(-1)).toMatchObject({ done: true, ended: 'arrived' });
    expect(seen.at(-1)?.targets[0]?.label).toBe(`JobRun ${run.id}`);
  });

  it('an answer already in hand, and a plain copy of it (its fields name its project and job)', async () => {
    const run = (await api.createJobRun!(await firstJob())) as Rec;
    expect((await wait(run, stepping())).status).toBe('ENGINE_SUCCEEDED');
    expect((await wait({ ...run }, stepping())).id).toBe(run.id);
  });

  it('run.wait(): every job run an answer holds has it, hidden from keys and JSON', async () => {
    const ids = await firstJob();
    const run = (await api.createJobRun!(ids)) as Rec & { wait: (o?: unknown) => Promise<Rec> };
    expect(Object.keys(run)).not.toContain('wait');
    expect(JSON.stringify(run)).not.toContain('wait');
    expect((await run.wait(stepping())).status).toBe('ENGINE_SUCCEEDED');
    const page = (await api.listJobRuns!({ ...ids, pageSize: 2 })) as { items: Rec[] };
    for (const item of page.items) expect(typeof item.wait).toBe('function');
    // A project cannot be waited on, so it has no such method.
    const projects = (await api.listProjects!({ pageSize: 1 })) as { items: Rec[] };
    expect(projects.items[0]?.wait).toBeUndefined();
  });

  it('an application, which does not carry its project id: taken from the call that answered it', async () => {
    // The first project with an application.
    const projects = (await api.listProjects!({ pageSize: 20 })) as { items: Rec[] };
    let projectId = '';
    let app: Rec | undefined;
    for (const project of projects.items) {
      projectId = String(project.id);
      app = ((await api.listApplications!({ projectId })) as { items: Rec[] }).items[0];
      if (app) break;
    }
    if (!app) throw new Error('no seeded application');
    expect(app.project_id).toBeUndefined();
    await api.restartApplication!({ projectId, applicationId: app.id });
    const got = (await api.getApplication!({ projectId, applicationId: app.id })) as Rec;
    expect((await wait(got, stepping())).status).toBe('APPLICATION_RUNNING');
    // Stopped, then waited for with `until`; a plain copy needs the id given.
    await api.stopApplication!({ projectId, applicationId: app.id });
    const stopped = await wait({ ...got }, { projectId, until: 'APPLICATION_STOPPED', ...stepping() });
    expect(stopped.status).toBe('APPLICATION_STOPPED');
    await expect(wait({ ...got })).rejects.toThrow(/needs the projectId of this Application/);
  });

  it('an array of runs: each one, in order; a page of final runs: at once, failures returned as they are', async () => {
    const ids = await firstJob();
    const runs = [(await api.createJobRun!(ids)) as Rec, (await api.createJobRun!(ids)) as Rec];
    const finals = await wait(runs, stepping());
    expect(finals.map((run: Rec) => [run.id, run.status])).toEqual(
      runs.map((run) => [run.id, 'ENGINE_SUCCEEDED']),
    );
    // A page: the newest run, just created, waited on from the list's own arguments.
    const made = (await api.createJobRun!(ids)) as Rec;
    const page = await api.listJobRuns!({ ...ids, sort: '-created_at', pageSize: 1 });
    expect((page as { items: Rec[] }).items[0]?.id).toBe(made.id);
    expect((await wait(page, stepping())).map((run: Rec) => run.status)).toEqual(['ENGINE_SUCCEEDED']);
    // Items of a list that are already final (seeded failures) come back at once, as they are.
    const all = (await api.listJobRuns!({ ...ids, pageSize: 50 })) as { items: Rec[] };
    const failed = all.items.filter((run) => run.status === 'ENGINE_FAILED');
    expect(failed.length).toBeGreaterThan(0);
    const seen: WaitProgress[] = [];
    const same = await wait(failed, { onProgress: (p: WaitProgress) => seen.push(p) });
    expect(same.map((run: Rec) => run.status)).toEqual(failed.map(() => 'ENGINE_FAILED'));
    expect(seen).toHaveLength(1);
    expect(seen[0]?.targets.map((t) => t.outcome)).toEqual(failed.map(() => 'failed'));
  });

  it('a kind by name with its ids, in any spelling', async () => {
    const ids = await firstJob();
    const run = (await api.createJobRun!(ids)) as Rec;
    const final = await wait('JobRun', {
      project_id: ids.projectId,
      jobId: ids.jobId,
      runId: run.id,
      ...stepping(),
    });
    expect(final.status).toBe('ENGINE_SUCCEEDED');
  });

  it('gives up after the timeout with a one-line error that says the run goes on', async () => {
    const run = (await api.createJobRun!(await firstJob())) as Rec;
    const error = await wait(run, { timeout: 0, intervalMs: 1 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CmlWaitTimeoutError);
    expect((error as Error).message).toMatch(
      /^Stopped waiting after 0s: JobRun \S+ is still ENGINE_\w+ \(it goes on\)/,
    );
  });

  it('stops waiting when its signal aborts (Ctrl+C), saying where the run was', async () => {
    const run = (await api.createJobRun!(await firstJob())) as Rec;
    const controller = new AbortController();
    const seen: WaitProgress[] = [];
    const error = await wait(run, {
      signal: controller.signal,
      intervalMs: 1,
      onProgress: (p: WaitProgress) => {
        seen.push(p);
        controller.abort();
      },
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CmlAbortError);
    expect((error as Error).message).toMatch(/^Stopped waiting: JobRun \S+ is ENGINE_\w+ and goes on$/);
    expect(seen.at(-1)).toMatchObject({ done: true, ended: 'stopped' });
  });

  it('refuses what cannot be waited on, and states a kind does not have', async () => {
    await expect(wait({ name: 'x' })).rejects.toThrow(CmlUsageError);
    await expect(wait('project', {})).rejects.toThrow(
      /Nothing called "project" can be waited on\. .*Kinds: application/,
    );
    const run = (await api.createJobRun!(await firstJob())) as Rec;
    await expect(wait(run, { until: 'ENGINE_DONE' })).rejects.toThrow(/JobRun has no state "ENGINE_DONE"/);
    await expect(wait(run, { timeout: 'soon' })).rejects.toThrow(/duration such as "90s"/);
  });
});
