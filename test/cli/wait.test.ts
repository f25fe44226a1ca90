import { describe, expect, it } from 'vitest';
import { cliFixture, collect, randomToken, runCmlsh, spawnCmlsh } from './run-cmlsh.js';

const TOKEN = randomToken('wait');
const cli = cliFixture({ tokens: [TOKEN], seedProjects: 3, hostEnv: true });
type Rec = Record<string, unknown>;

async function json(args: string[]): Promise<Rec> {
  const result = await runCmlsh([...args, '-o', 'json'], cli.env());
  expect(result.stderr).toBe('');
  return JSON.parse(result.stdout) as Rec;
}

async function aJob(): Promise<{ project: string; job: string }> {
  const projects = (await json(['call', 'listProjects', '--page-size', '1'])).projects as Rec[];
  const project = String(projects[0]?.id);
  const jobs = (await json(['call', 'listJobs', '--project-id', project, '--page-size', '1'])).jobs as Rec[];
  return { project, job: String(jobs[0]?.id) };
}

describe('waiting on the command line', () => {
  it('call createJobRun --wait prints the final run and exits 0 once it succeeded', async () => {
    const { project, job } = await aJob();
    const result = await runCmlsh(
      ['call', 'createJobRun', '--project-id', project, '--job-id', job, '--wait', '-o', 'json'],
      cli.env(),
    );
    expect(result.code).toBe(0);
    // Not a terminal: no progress line on stderr.
    expect(result.stderr).toBe('');
    const run = JSON.parse(result.stdout) as Rec;
    expect(run).toMatchObject({ project_id: project, job_id: job, status: 'ENGINE_SUCCEEDED' });
  }, 30_000);

  it('cmlsh wait job-run with several ids: final runs as jsonl, exit 1 with one line when one failed', async () => {
    const { project, job } = await aJob();
    const runs = (
      await json(['call', 'listJobRuns', '--project-id', project, '--job-id', job, '--page-size', '50'])
    ).job_runs as Rec[];
    const succeeded = runs.find((run) => run.status === 'ENGINE_SUCCEEDED');
    const failed = runs.find((run) => run.status === 'ENGINE_FAILED');
    expect(succeeded && failed).toBeTruthy();
    const ok = await runCmlsh(['wait', 'job-run', project, job, String(succeeded?.id)], cli.env());
    expect(ok.code).toBe(0);
    expect(JSON.parse(ok.stdout)).toMatchObject({ id: succeeded?.id, status: 'ENGINE_SUCCEEDED' });
    const both = await runCmlsh(
      ['wait', 'JobRun', project, job, String(succeeded?.id), String(failed?.id), '-o', 'jsonl'],
      cli.env(),
    );
    expect(both.code).toBe(1);
    expect(
      both.stdout
        .trimEnd()
        .split('\n')
        .map((line) => JSON.parse(line).status),
    ).toEqual(['ENGINE_SUCCEEDED', 'ENGINE_FAILED']);
    expect(both.stderr).toBe(`1 of 2 did not succeed: JobRun ${failed?.id} ended ENGINE_FAILED\n`);
  }, 30_000);

  it('Ctrl+C stops the wait with 130 and one line saying the run goes on', async () => {
    const { project, job } = await aJob();
    const runs = (
      await json(['call', 'listJobRuns', '--project-id', project, '--job-id', job, '--page-size', '50'])
    ).job_runs as Rec[];
    // A finished run waited on for a state it never takes: only Ctrl+C ends this wait.
    const running = runs.find((run) => run.status === 'ENGINE_SUCCEEDED');
    expect(running).toBeTruthy();
    const before = cli.emulator.requestCount;
    const child = spawnCmlsh(
      ['wait', 'job-run', project, job, String(running?.id), '--until', 'ENGINE_STOPPED'],
      cli.env(),
    );
    const done = collect(child);
    // Polled at least twice (the spec, then the run): it is waiting.
    while (cli.emulator.requestCount < before + 3) await new Promise((resolve) => setTimeout(resolve, 20));
    child.kill('SIGINT');
    const result = await done;
    expect(result.code).toBe(130);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe(`Stopped waiting: JobRun ${running?.id} is ENGINE_SUCCEEDED and goes on\n`);
  }, 30_000);

  it('a timeout exits 1 saying the run goes on', async () => {
    const { project, job } = await aJob();
    const result = await runCmlsh(
      ['call', 'createJobRun', '--project-id', project, '--job-id', job, '--wait', '--wait-timeout', '0s'],
      cli.env(),
    );
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(
      /^Stopped waiting after 0s: JobRun \S+ is still ENGINE_\w+ \(it goes on\)\. Wait longer with --wait-timeout 2h\.\n$/,
    );
  });

  it('refuses before calling: an answer with no final state, a state the kind lacks, --until without --wait', async () => {
    const before = (await json(['call', 'listProjects', '--page-size', '100'])).projects as Rec[];
    const project = await runCmlsh(['call', 'createProject', '--name', 'never-made', '--wait'], cli.env());
    expect(project.code).toBe(2);
    expect(project.stderr).toMatch(/^createProject answers a Project, which has no final state to wait for/);
    const after = (await json(['call', 'listProjects', '--page-size', '100'])).projects as Rec[];
    expect(after.length).toBe(before.length);

    const { project: p, job } = await aJob();
    const until = await runCmlsh(
      ['call', 'createJobRun', '--project-id', p, '--job-id', job, '--wait', '--until', 'ENGINE_DONE'],
      cli.env(),
    );
    expect(until.code).toBe(2);
    expect(until.stderr).toMatch(/^JobRun has no state "ENGINE_DONE"/);
    const alone = await runCmlsh(['call', 'listProjects', '--until', 'X'], cli.env());
    expect(alone.code).toBe(2);
    expect(alone.stderr).toBe('--until only applies with --wait\n');
  });

  it('cmlsh wait: an unknown kind and too few ids are usage errors naming what is right', async () => {
    const kind = await runCmlsh(['wait', 'jobrn', 'a', 'b', 'c'], cli.env());
    expect(kind.code).toBe(2);
    expect(kind.stderr).toMatch(/^Nothing called "jobrn" can be waited on\. Did you mean job-run\?/);
    const ids = await runCmlsh(['wait', 'job-run', 'p1'], cli.env());
    expect(ids.code).toBe(2);
    expect(ids.stderr).toMatch(/^cmlsh wait job-run takes <project-id> <job-id> <run-id> \(3 ids\), got 1/);
  });

  it('--demo: call and wait need no workspace', async () => {
    const env = cli.env({ CML_HOST: '', CML_API_KEY: '' });
    const result = await runCmlsh(['call', 'listProjects', '--demo', '--page-size', '2', '-o', 'jsonl'], env);
    expect(result.code).toBe(0);
    expect(result.stdout.trimEnd().split('\n')).toHaveLength(2);
  });
});
