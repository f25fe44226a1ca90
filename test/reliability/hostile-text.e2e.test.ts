import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { builtinSwagger } from '../../src/spec/index.js';
import { CMLSH, randomToken, runCmlsh, type TempHome, tempHome } from '../cli/run-cmlsh.js';
import { TmuxSession } from '../helpers/tmux.js';

/**
 * Text a hostile workspace sends: set the window title (OSC 0), write the clipboard
 * (OSC 52), clear the screen (CSI 2J), a C1 CSI (U+009B) and a right-to-left override.
 */
const HOSTILE = 'pwn\u001b]0;PWNED-TITLE\u0007\u001b]52;c;aGFja2Vk\u0007\u001b[2J\u009b31m\u202eevil';
const UNSAFE = /[\u001b\u0007\u009b\u202e]/;
/** How the screen shows it: each control as a visible picture or escape. */
const SHOWN = 'pwn␛]0;PWNED-TITLE␇␛]52;c;aGFja2Vk␇␛[2J\\u009b31m\\u202eevil';

const TOKEN = randomToken('hostile');
let server: Server;
let url: string;
let home: TempHome;
let session: TmuxSession | undefined;

/** A workspace whose spec, data and errors all carry escape sequences. */
function hostileSpec(): unknown {
  const doc = structuredClone(builtinSwagger()) as {
    paths: Record<string, Record<string, { summary?: string }>>;
  };
  for (const methods of Object.values(doc.paths))
    for (const op of Object.values(methods)) if (op && typeof op === 'object') op.summary = `List ${HOSTILE}`;
  return doc;
}

beforeAll(async () => {
  const spec = JSON.stringify(hostileSpec());
  server = createServer((req, res) => {
    const path = (req.url ?? '').split('?')[0];
    const json = (status: number, body: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(body));
    };
    if (path === '/api/v2/swagger.json') {
      res.writeHead(200, { 'content-type': 'application/json' });
      return res.end(spec);
    }
    if (path === '/api/v2/projects')
      return json(200, {
        projects: [
          {
            id: 'p-0001',
            name: HOSTILE,
            owner: { username: 'ada' },
            created_at: '2024-05-01T10:00:00Z',
            description: HOSTILE,
          },
        ],
        next_page_token: '',
      });
    return json(403, { message: `denied ${HOSTILE}`, code: 7 });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
afterEach(() => {
  session?.kill();
  session = undefined;
  home?.cleanup();
});

function env(): Record<string, string> {
  home = tempHome();
  const all = home.env({ CML_HOST: url, CML_API_KEY: TOKEN, NO_COLOR: '1' });
  return Object.fromEntries(
    Object.entries(all).filter((e): e is [string, string] => typeof e[1] === 'string'),
  );
}

describe('server and spec text cannot drive the terminal: the command line', () => {
  it('call -o table shows escape sequences as visible text', async () => {
    const result = await runCmlsh(['call', 'listProjects', '-o', 'table'], env());
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).not.toMatch(UNSAFE);
    expect(result.stdout).toContain('p-0001');
    expect(result.stdout).toContain('pwn␛]0;PWNED');
  });

  it('JSON and CSV to a pipe keep the data as the server sent it', async () => {
    const json = await runCmlsh(['call', 'listProjects', '-o', 'json'], env());
    expect(JSON.parse(json.stdout).projects[0].name).toBe(HOSTILE);
    const csv = await runCmlsh(['call', 'listProjects', '-o', 'csv'], env());
    expect(csv.stdout).toContain(HOSTILE);
  });

  it('an error line from the server is shown, not obeyed, as text and as JSON', async () => {
    const text = await runCmlsh(['call', 'getProject', '--project-id', 'p-0001'], env());
    expect(text.code).toBe(1);
    expect(text.stderr).not.toMatch(UNSAFE);
    expect(text.stderr).toContain('denied pwn␛]0;PWNED-TITLE␇');
    const json = await runCmlsh(['call', 'getProject', '--project-id', 'p-0001', '-o', 'json'], env());
    expect(json.stderr).not.toMatch(UNSAFE);
    // JSON escapes: the same message once parsed.
    expect(JSON.stringify(JSON.parse(json.stderr))).toContain('PWNED-TITLE');
  });

  it('ops and describe show spec summaries as text', async () => {
    const ops = await runCmlsh(['ops', 'project'], env());
    expect(ops.code, ops.stderr).toBe(0);
    expect(ops.stdout).not.toMatch(UNSAFE);
    expect(ops.stdout).toContain(`List ${SHOWN}`);
    const describeOut = await runCmlsh(['describe', 'listProjects'], env());
    expect(describeOut.stdout).not.toMatch(UNSAFE);
    expect(describeOut.stdout).toContain('PWNED-TITLE');
  });
});

/** The pane's title (OSC 0 would set it) and tmux's paste buffers (OSC 52 would add one). */
function terminalState(term: TmuxSession): { title: string; buffers: string } {
  return { title: term.paneTitle(), buffers: term.buffers() };
}

describe('server and spec text cannot drive the terminal: in a real terminal', () => {
  it('the shell shows hostile names and errors escaped; the title and clipboard stay as they were', async () => {
    session = TmuxSession.start(`node ${CMLSH}`, { env: env(), width: 80, height: 24, clipboard: true });
    const term = session;
    await term.waitFor(/cml:[^\n]*> ?$/m);
    const before = terminalState(term);
    term.type('await api.listProjects()');
    term.press('Enter');
    const screen = await term.waitFor('1 project on page 1');
    expect(screen).toContain('p-0001');
    expect(screen).toContain('pwn␛]0;PWNED');
    term.type('await api.getProject({ projectId: "p-0001" })');
    term.press('Enter');
    await term.waitFor('denied pwn␛]0;PWNED-TITLE␇');
    term.type('.ops project');
    term.press('Enter');
    await term.waitFor(/operations$/m);
    expect(terminalState(term)).toEqual(before);
    expect(term.paneTitle()).not.toContain('PWNED');
  });

  it('the browser shows them escaped in the table, the detail view and the status line', async () => {
    session = TmuxSession.start(`node ${CMLSH} browse listProjects`, {
      env: env(),
      width: 80,
      height: 24,
      clipboard: true,
    });
    const term = session;
    await term.waitFor('p-0001');
    const before = terminalState(term);
    expect(term.screen()).toContain('pwn␛]0;PWNED');
    term.press('Enter');
    // The detail view shows values as JSON: controls as \u escapes.
    await term.waitFor('name: "pwn\\u001b]0;PWNED-TITLE\\u0007\\u001b]52;c;');
    term.press('g');
    term.press('Enter');
    await term.waitFor('denied pwn␛]0;PWNED');
    expect(terminalState(term)).toEqual(before);
    expect(term.paneTitle()).not.toContain('PWNED');
    term.press('q');
  });
});
