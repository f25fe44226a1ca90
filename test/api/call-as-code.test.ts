import { execFile, execFileSync } from 'node:child_process';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Connection, callAsCode, connect } from '../../src/api/index.js';
import { type Emulator, startEmulator } from '../../src/emulator/index.js';
import { realSpec, realSpecDocument } from '../helpers/real-spec.js';

const TOKEN = 'code-token-abcdef123456';
let emulator: Emulator;
let session: Connection;

beforeAll(async () => {
  emulator = await startEmulator({ document: realSpecDocument(), tokens: [TOKEN], seedProjects: 60 });
  session = await connect({ host: emulator.url, token: TOKEN, loadedSpec: realSpec() });
});
afterAll(() => emulator.close());

const op = (name: string) => session.api[name]!.operation;
// Asynchronous on purpose: the emulator answers from this same process.
const bash = async (script: string) =>
  (
    await promisify(execFile)('bash', ['-c', script], {
      env: { ...process.env, API_KEY: TOKEN },
      timeout: 15_000,
    })
  ).stdout;

describe('copy as code', () => {
  it('writes a curl paging loop that fetches exactly what .all() does, using $API_KEY', async () => {
    const args = { pageSize: 7, searchFilter: { name: 'a' }, sort: '-name' };
    const expected = (await session.api.listProjects!.all!(args)).map((p) => (p as { id: string }).id);
    expect(expected.length).toBeGreaterThan(7);
    const code = callAsCode(op('listProjects'), args, emulator.url);
    expect(code.curl).not.toContain(TOKEN);
    const ids = (await bash(code.curl))
      .trim()
      .split('\n')
      .map((line) => (JSON.parse(line) as { id: string }).id);
    expect(ids).toEqual(expected);
  });

  it('writes a single curl call for a single resource, with the body as JSON', async () => {
    const page = (await session.api.listProjects!({ pageSize: 1 })) as { items: { id: string }[] };
    const id = page.items[0]!.id;
    const get = JSON.parse(
      await bash(callAsCode(op('getProject'), { project_id: id }, emulator.url).curl),
    ) as {
      id: string;
    };
    expect(get.id).toBe(id);
    const created = callAsCode(op('createProject'), { name: "it's new", template: 'blank' }, emulator.url);
    expect(created.curl).toContain(`-d '{"name":"it'\\''s new","template":"blank"}'`);
    expect((JSON.parse(await bash(created.curl)) as { name: string }).name).toBe("it's new");
  });

  it('writes JavaScript for cmlsh that runs as is', async () => {
    const code = callAsCode(op('listProjects'), { pageSize: 5, limit: undefined }, emulator.url);
    expect(code.javascript).toBe(
      'for await (const item of api.listProjects.all({ pageSize: 5 })) {\n  console.log(item);\n}',
    );
    const logged: unknown[] = [];
    const run = new Function('api', 'console', `return (async () => { ${code.javascript} })()`);
    await run(session.api, { log: (x: unknown) => logged.push(x) });
    expect(logged.length).toBe((await session.api.listProjects!.all!({ pageSize: 5 })).length);
  });

  it('writes Python for the cmlapi client with snake_case names and a paging loop', () => {
    const code = callAsCode(
      op('listJobs'),
      { projectId: 'p1', searchFilter: { name: 'x' }, pageSize: 10 },
      emulator.url,
    );
    expect(code.python).toContain(
      `page = api.list_jobs(project_id="p1", search_filter="{\\"name\\":\\"x\\"}", page_size=10, page_token=token)`,
    );
    expect(code.python).toContain('for item in page.jobs:');
    execFileSync('python3', ['-c', 'import ast,sys; ast.parse(sys.stdin.read())'], { input: code.python });
  });
});
