import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from '../../src/api/index.js';
import { KEY, renderBrowser, until } from './harness.js';
import { type RecordedEmulator, startRecordedEmulator } from './recorded-emulator.js';

let emu: RecordedEmulator;
beforeAll(async () => {
  emu = await startRecordedEmulator();
});
afterAll(() => emu.close());

type Ui = Awaited<ReturnType<typeof renderBrowser>>;
interface Named {
  id: string;
  name: string;
}

/** Moves the related list's cursor to the line containing `text`, then presses Enter. */
async function pick(ui: Ui, text: string) {
  const lines = ui.frame().split('\n');
  const title = lines.findIndex((line) => line.includes('Related'));
  const target = lines.findIndex((line) => line.includes(text));
  if (target < 0) throw new Error(`no "${text}" in\n${ui.frame()}`);
  for (let i = title + 1; i < target; i++) await ui.press(KEY.down);
  await ui.press(KEY.enter);
}

/** Opens the detail of the row at `position` in a fresh table, then its related list. */
async function related(ui: Ui, position: number) {
  for (let i = 0; i < position; i++) await ui.press(KEY.down);
  await ui.press(KEY.enter);
  await ui.waitFor('› detail');
  await ui.press('g');
  await ui.waitFor('Related — Enter opens');
}

describe('drill-down through the api', () => {
  it('project -> jobs -> runs with breadcrumbs; Esc walks back to the same project row', async () => {
    const projects = (await emu.api.listProjects!({ pageSize: 5 })) as Page;
    const project = projects.items[2] as Named;
    const jobs = (await emu.api.listJobs!({ projectId: project.id })) as Page;
    const job = jobs.items[1] as Named;
    const runs = (await emu.api.listJobRuns!({ projectId: project.id, jobId: job.id })) as Page;
    const run = runs.items[0] as Named;
    const ui = await renderBrowser(projects, { api: emu.api });
    await ui.waitFor(project.name);

    await related(ui, 2);
    expect(ui.frame()).toContain('▤ experiments  (listExperiments)');
    expect(ui.frame()).toContain('▤ files  (listProjectFiles)');
    await pick(ui, '▤ jobs');
    await ui.waitFor(job.id); // names may be cut to the column width; ids are not
    expect(ui.frame().split('\n')[0]).toContain(`listProjects › ${project.name} › jobs ·`);

    await related(ui, 1);
    await pick(ui, '▤ runs');
    await ui.waitFor(run.id);
    expect(ui.frame().split('\n')[0]).toContain(
      `listProjects › ${project.name} › jobs › ${job.name} › runs ·`,
    );
    expect(emu.urls()).toContain(`/api/v2/projects/${project.id}/jobs/${job.id}/runs`);

    // Back one step at a time: the job's detail, the jobs, the project's detail, the projects.
    await ui.press(KEY.escape);
    await ui.waitFor(`› ${job.name} › detail`);
    expect(ui.frame()).toContain(`name: "${job.name}"`);
    await ui.press(KEY.escape);
    await ui.waitFor(`› ${project.name} › jobs ·`);
    await ui.press(KEY.escape);
    await ui.waitFor(`listProjects › ${project.name} › detail`);
    await ui.press(KEY.escape);
    await ui.waitFor(/^listProjects · page 1/);
    // The cursor stayed on the project drilled from: Enter opens it again.
    await ui.press(KEY.enter);
    await ui.waitFor('› detail');
    expect(ui.frame()).toContain(`name: "${project.name}"`);
    ui.unmount();
  });

  it("Enter on a run's job_id opens the job through getJob, with project_id bound", async () => {
    const projects = (await emu.api.listProjects!({ pageSize: 5 })) as Page;
    const project = projects.items[0] as Named;
    const job = ((await emu.api.listJobs!({ projectId: project.id })) as Page).items[0] as Named;
    const runs = (await emu.api.listJobRuns!({ projectId: project.id, jobId: job.id })) as Page;
    const ui = await renderBrowser(runs, { api: emu.api });
    await ui.waitFor('ENGINE_');
    await ui.press(KEY.enter);
    await ui.waitFor('› detail');
    // The reference fields are marked with the operation Enter calls.
    expect(ui.frame()).toMatch(/job_id: "[^"]+" ↵ getJob/);
    expect(ui.frame()).toMatch(/project_id: "[^"]+" ↵ getProject/);
    const lines = ui.frame().split('\n');
    const root = lines.findIndex((line) => line.includes('▾'));
    const jobLine = lines.findIndex((line) => line.includes('job_id:'));
    for (let i = root; i < jobLine; i++) await ui.press(KEY.down);
    await ui.press(KEY.enter);
    await ui.waitFor(`name: "${job.name}"`);
    expect(ui.frame().split('\n')[0]).toContain(`listJobRuns › `);
    // Long names are shortened in the breadcrumbs.
    expect(ui.frame().split('\n')[0]).toMatch(new RegExp(`› ${job.name.slice(0, 20)}\\S* › detail`));
    expect(emu.urls()).toContain(`/api/v2/projects/${project.id}/jobs/${job.id}`);
    // Esc returns to the run it came from.
    await ui.press(KEY.escape);
    await ui.waitFor(/job_id: "[^"]+" ↵ getJob/);
    ui.unmount();
  });

  it("g on a table row opens its related list; a project's files show as rows", async () => {
    const projects = (await emu.api.listProjects!({ pageSize: 5 })) as Page;
    const project = projects.items[0] as Named;
    const ui = await renderBrowser(projects, { api: emu.api });
    await ui.waitFor(project.name);
    await ui.press('g');
    await ui.waitFor('Related — Enter opens');
    expect(ui.frame().split('\n')[0]).toContain(`listProjects › ${project.name} › related`);
    await pick(ui, '▤ files');
    await ui.waitFor('README.md');
    expect(ui.frame().split('\n')[0]).toContain(`› ${project.name} › files ·`);
    expect(emu.urls()).toContain(`/api/v2/projects/${project.id}/files/`);
    // Esc goes back to where g was pressed: the table (not the project's detail view).
    await ui.press(KEY.escape);
    await ui.waitFor(/^listProjects · page 1/);
    expect(ui.frame()).toContain(project.id);
    expect(ui.frame()).not.toContain('› detail');
    ui.unmount();
  });

  it('browse(api.getProject(...)) keeps the call behind it: the title names it, g drills, x shows it', async () => {
    const project = ((await emu.api.listProjects!({ pageSize: 1 })) as Page).items[0] as Named;
    const ui = await renderBrowser(emu.api.getProject!({ projectId: project.id }), { api: emu.api });
    await ui.waitFor(`name: "${project.name}"`);
    expect(ui.frame().split('\n')[0]).toContain(`getProject › ${project.name}`);
    await ui.press('g');
    await ui.waitFor('Related — Enter opens');
    await pick(ui, '▤ jobs');
    await ui.waitFor(/› jobs · page 1/);
    expect(emu.urls()).toContain(`/api/v2/projects/${project.id}/jobs`);
    await ui.press(KEY.escape);
    await ui.waitFor(`name: "${project.name}"`);
    await ui.press('x');
    await ui.waitFor('JavaScript (cmlsh)');
    expect(ui.frame()).toContain(`await api.getProject({ projectId: "${project.id}" })`);
    ui.unmount();
  });

  it(': on a running job run offers the spec’s :stop; y stops it on the server and the row refreshes', async () => {
    const project = ((await emu.api.listProjects!({ pageSize: 1 })) as Page).items[0] as Named;
    const job = ((await emu.api.listJobs!({ projectId: project.id })) as Page).items[0] as Named;
    const run = (await emu.api.createJobRun!({ projectId: project.id, jobId: job.id })) as Named;
    const runs = await emu.api.listJobRuns!({ projectId: project.id, jobId: job.id, pageSize: 50 });
    const ui = await renderBrowser(runs, { api: emu.api });
    await ui.waitFor(run.id);
    const lines = ui.frame().split('\n');
    const at = lines.findIndex((line) => line.includes(run.id));
    for (let i = 2; i < at; i++) await ui.press(KEY.down);
    await ui.press(':');
    await ui.waitFor('Actions — Enter asks, then runs');
    expect(ui.frame()).toContain('stop  (stopJobRun)');
    await ui.press(KEY.enter);
    await ui.waitFor(`stop ${run.id}? (stopJobRun) (y/N)`);
    await ui.press('y');
    await ui.waitFor(`stop ${run.id}: done`);
    expect(emu.urls()).toContain(`/api/v2/projects/${project.id}/jobs/${job.id}/runs/${run.id}:stop`);
    // The refresh after it shows the run's new state (a stop passes through STOPPING).
    await ui.waitFor(/ENGINE_STOPP(ING|ED)/);
    ui.unmount();
  });

  it('R fetches the view again in place; w does it on a timer until pressed again', async () => {
    const projects = await emu.api.listProjects!({ pageSize: 5 });
    const ui = await renderBrowser(projects, { api: emu.api });
    await ui.waitFor('page 1');
    await ui.press(KEY.down, KEY.down);
    const listed = () => emu.urls().filter((url) => url.startsWith('/api/v2/projects?')).length;
    const before = listed();
    await ui.press('R');
    await until(() => listed() === before + 1, ui.frame, 'the refresh request');
    await ui.press('w');
    await ui.waitFor('auto-refresh on');
    // The timer fires every few seconds: allow for a busy machine.
    await until(() => listed() >= before + 2, ui.frame, 'a refresh from the timer', 20_000);
    await ui.press('w');
    await ui.waitFor('auto-refresh off');
    // The cursor stayed on the third row: Enter opens it.
    await ui.press(KEY.enter);
    await ui.waitFor(
      `name: "${(projects as Page).items[2] ? ((projects as Page).items[2] as Named).name : ''}"`,
    );
    ui.unmount();
  });

  it('without an api there is nothing to follow', async () => {
    const projects = (await emu.api.listProjects!({ pageSize: 5 })) as Page;
    const ui = await renderBrowser(projects);
    await ui.waitFor('page 1');
    await ui.press(KEY.enter);
    await ui.waitFor('› detail');
    await ui.press('g');
    await ui.waitFor('nothing related to follow here');
    expect(ui.frame()).not.toContain('Related — Enter opens');
    ui.unmount();
  });
});
