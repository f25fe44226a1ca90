import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TmuxSession } from '../helpers/tmux.js';
import { count, enter, MARK, outputOf, PROMPT } from './shell-io.js';

// A Python user pasting notebook lines into the shell, in a real terminal over the emulator.
const dir = mkdtempSync(join(tmpdir(), 'cmlsh-python-'));
const pidFile = join(dir, 'pid');
let term: TmuxSession;

beforeAll(async () => {
  term = TmuxSession.start('npx tsx test/repl/fixtures/start-shell.ts', {
    cwd: process.cwd(),
    env: { FIXTURE_HISTORY: join(dir, 'history'), FIXTURE_PID_FILE: pidFile },
  });
  await term.waitFor(MARK, 30_000);
}, 40_000);
afterAll(() => term?.kill());

const say = async (line: string) => outputOf(await enter(term, line), line);

describe('Python lines at the prompt', () => {
  it('runs cmlapi-style calls and their results answer to_dict()', async () => {
    await enter(term, 'client = cmlapi.default_client()');
    await enter(term, 'P = (await client.list_projects({ page_size: 1 })).projects[0].id');
    expect(await say('(await client.get_project(P)).to_dict().id === P')).toBe('true');
    // A project on ML Runtimes needs a runtime for its jobs, as a live workspace does.
    await enter(term, 'R = (await client.list_runtimes({ page_size: 1 })).runtimes[0].image_identifier');
    const body = "cmlapi.CreateJobRequest({ name: 'nightly', script: 'main.py', runtime_identifier: R })";
    expect(await say(`(await client.create_job(${body}, P)).name`)).toBe("'nightly'");
    expect(await say("(await client.list_jobs(P, { sort: '-created_at', page_size: 1 })).jobs[0].name")).toBe(
      "'nightly'",
    );
  });

  it('answers a Python keyword call with the line to type, and assigns nothing', async () => {
    const out = await say('api.list_projects(page_size=2)');
    expect(out.replace(/\s+/g, ' ')).toContain(
      'give them as one object: api.list_projects({ page_size: 2 })',
    );
    expect(await say('typeof page_size')).toBe("'undefined'");
  });

  it('answers a typo in a method name and prints help for a method without parentheses', async () => {
    expect(await say('api.listProjecs()')).toBe('api has no listProjecs; did you mean listProjects?');
    const help = await say('api.list_job_runs');
    expect(help).toContain('list_job_runs(project_id, job_id, **kwargs)');
    expect(help).toMatch(/await api\.listJobRuns\(\{ projectId: '[^'<]+', jobId: '[^']+' \}\)/);
  });

  it('.help create_job_run shows both signatures and an example with the ids seen', async () => {
    const help = await say('.help create_job_run');
    expect(help).toContain('create_job_run(body, project_id, job_id, **kwargs)');
    expect(help).toContain('api.createJobRun({ body, projectId, jobId })');
    const seen = await say('P');
    expect(help).toContain(`await api.create_job_run({}, ${seen},`);
  });

  it('completes snake_case keys after a snake_case method', async () => {
    term.type('api.list_jobs({proj');
    term.press('Tab');
    await term.waitFor((s) => s.trimEnd().endsWith(`${PROMPT}api.list_jobs({project_id`));
    term.press('C-u');
    await term.waitFor((s) => s.trimEnd().endsWith(MARK));
  });

  it('Ctrl+C still cancels a cmlapi-style call', async () => {
    process.kill(Number(readFileSync(pidFile, 'utf8')), 'SIGUSR2');
    const before = count(term.screen(), MARK);
    term.type('await api.list_jobs(P)');
    term.press('Enter');
    await term.waitFor((s) => s.trimEnd().endsWith(`${PROMPT}await api.list_jobs(P)`));
    term.press('C-c');
    const screen = await term.waitFor((s) => count(s, MARK) > before && s.trimEnd().endsWith(MARK));
    expect(outputOf(screen, 'await api.list_jobs(P)')).toBe('Cancelled');
  });
});
