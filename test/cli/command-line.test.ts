import { afterEach, describe, expect, it } from 'vitest';
import { REAL_SPEC_PATH } from '../helpers/real-spec.js';
import { TmuxSession } from '../helpers/tmux.js';
import { CMLSH, runCmlsh, type TempHome, tempHome } from './run-cmlsh.js';

let home: TempHome | undefined;
let term: TmuxSession | undefined;
const env = () => {
  home ??= tempHome();
  return home.env();
};
afterEach(() => {
  term?.kill();
  term = undefined;
  home?.cleanup();
  home = undefined;
});

describe('cmlsh call OP --help', () => {
  it("lists the operation's parameters as flags, required ones marked, from the builtin spec", async () => {
    const result = await runCmlsh(['call', 'createJobRun', '--help'], env());
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/^cmlsh call createJobRun \[flags\]\n\nStart a run of a job\./);
    expect(result.stdout).toContain(
      'Parameters of createJobRun (POST /api/v2/projects/{project_id}/jobs/{job_id}/runs):',
    );
    expect(result.stdout).toMatch(/--project-id +\[required\] path: ID of the project\./);
    expect(result.stdout).toMatch(/--environment +object, body field:/);
    // The command's own flags are still there.
    expect(result.stdout).toContain('--wait-timeout');
  });

  it('reads the --spec file typed, and works for browse; an unknown operation gets the plain help', async () => {
    const real = await runCmlsh(['browse', 'list_projects', '--spec', REAL_SPEC_PATH, '-h'], env());
    expect(real.code, real.stderr).toBe(0);
    expect(real.stdout).toMatch(/--include-public-projects +boolean, query:/);
    const unknown = await runCmlsh(['call', 'nosuch', '--help'], env());
    expect(unknown.code).toBe(0);
    expect(unknown.stdout).toMatch(/^cmlsh call <operation>/);
  });
});

describe('errors of call in flag terms', () => {
  it('a missing, a mistyped and an unknown parameter are named by their flags, with a command line to copy', async () => {
    const missing = await runCmlsh(['call', 'listJobs', '--demo'], env());
    expect(missing.code).toBe(2);
    expect(missing.stderr).toBe(
      'listJobs needs --project-id (path, string). Example: cmlsh call listJobs --project-id …\n',
    );
    const unknown = await runCmlsh(
      ['call', 'listJobs', '--demo', '--project-id', 'p', '--projct', 'x'],
      env(),
    );
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(
      /^listJobs has no flag --projct\. Did you mean --project-id\? Flags: --project-id, /,
    );
    expect(unknown.stderr).toMatch(/See cmlsh call listJobs --help\.\n$/);
    expect(unknown.stderr).not.toMatch(/api\.|projectId/);
    const field = await runCmlsh(
      ['call', 'createJobRun', '--demo', '--project-id', 'p', '--job-id', 'j', '--cpu', '4'],
      env(),
    );
    expect(field.stderr).toMatch(
      /^createJobRun: body has no flag --cpu\. Body fields: --project-id, --job-id,/,
    );
  });
});

describe('--demo on browse', () => {
  it('opens the browser on the demo data without a workspace', async () => {
    const vars = Object.fromEntries(
      Object.entries(env()).filter((entry): entry is [string, string] => typeof entry[1] === 'string'),
    );
    term = TmuxSession.start(`node ${CMLSH} browse listProjects --demo --page-size 5; echo "exit=$?"`, {
      env: vars,
      width: 120,
      height: 24,
    });
    await term.waitFor(/listProjects · page 1/, 30_000);
    term.press('q');
    await term.waitFor('exit=0', 30_000);
  }, 40_000);
});
