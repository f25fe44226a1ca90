/**
 * Time to the first row on screen, on a real pty, against one bare fetch of one page:
 * - `cmlsh browse listProjects` from exec, over `node bench/raw-page.mjs` from exec;
 * - `browse(api.listProjects())` typed at a ready cmlsh prompt, over the same fetch typed at
 *   a ready `node -i` prompt (both from the keystroke to the name on screen): typed the
 *   instant the prompt appears, and typed after a second at the prompt, as a person would
 *   (cmlsh loads the browser in the background once its prompt is up).
 * The first project's name is what both wait for. Prints its rows as JSON on the last line.
 */
import { rmSync } from 'node:fs';
import { benchHome, startEmulatorChild } from './children.js';
import { PtySession } from './pty.js';
import { interleave, ratioRow } from './stats.js';

const reps = Number(process.env.BENCH_REPS ?? 10);
const { home, env } = benchHome({ TERM: 'xterm-256color', CI: '' });
const node = process.execPath;
const emulator = await startEmulatorChild(240);

/** Exec to `pattern` on screen, then leaves with `leave`. */
async function fromExec(command: string, pattern: RegExp, leave: string): Promise<number> {
  const session = PtySession.start(command, env);
  try {
    return await session.waitFor(pattern);
  } finally {
    await session.close(leave);
  }
}

/** At a ready prompt, `pauseMs` after it appeared, from typing `line` to `pattern` on screen. */
async function fromPrompt(
  command: string,
  prompt: RegExp,
  line: string,
  pattern: RegExp,
  pauseMs = 0,
): Promise<number> {
  const session = PtySession.start(command, env);
  try {
    await session.waitFor(prompt);
    if (pauseMs > 0) await new Promise((resolve) => setTimeout(resolve, pauseMs));
    const typed = session.type(`${line}\r`);
    return (await session.waitFor(pattern)) - typed;
  } finally {
    await session.close('q\u0004.exit\r');
  }
}

try {
  const { url, token } = emulator.info;
  const first = (await (
    await fetch(`${url}/api/v2/projects?page_size=1`, { headers: { authorization: `Bearer ${token}` } })
  ).json()) as { projects: { name: string }[] };
  const name = new RegExp(first.projects[0]?.name ?? 'no project');
  const auth = `--host ${url} --token ${token}`;
  // The first run fetches the spec from the emulator and caches it; measured runs read it.
  await fromExec(`${node} bin/cmlsh browse listProjects ${auth}`, name, 'q');

  const [cli, rawExec] = await interleave(
    reps,
    () => fromExec(`${node} bin/cmlsh browse listProjects ${auth}`, name, 'q'),
    () => fromExec(`${node} bench/raw-page.mjs ${url} ${token} 20`, name, ''),
  );
  const fetchLine = `fetch('${url}/api/v2/projects?page_size=20', { headers: { authorization: 'Bearer ${token}' } }).then((r) => r.json()).then((b) => console.log(b.projects.map((p) => p.name).join(' ')))`;
  const [shell, rawPrompt] = await interleave(
    reps,
    () => fromPrompt(`${node} bin/cmlsh ${auth}`, /cml:\S*> /, 'browse(api.listProjects())', name),
    () => fromPrompt(`${node} -i`, /> /, fetchLine, name),
  );
  const [shellIdle, rawPromptIdle] = await interleave(
    reps,
    () => fromPrompt(`${node} bin/cmlsh ${auth}`, /cml:\S*> /, 'browse(api.listProjects())', name, 1000),
    () => fromPrompt(`${node} -i`, /> /, fetchLine, name, 1000),
  );
  const rows = [
    ratioRow({
      id: 'firstrow.cli',
      figure: 'cmlsh browse listProjects: exec to first row',
      unit: 'ms',
      values: cli,
      floorName: 'exec node fetch one page',
      floorValues: rawExec,
      maxRatio: 1.5,
    }),
    ratioRow({
      id: 'firstrow.shell',
      figure: 'browse(api.listProjects()): Enter to first row',
      unit: 'ms',
      values: shell,
      floorName: 'fetch typed in node -i',
      floorValues: rawPrompt,
      maxRatio: 1.5,
    }),
    ratioRow({
      id: 'firstrow.shell.idle',
      figure: 'the same, typed 1 s after the prompt',
      unit: 'ms',
      values: shellIdle,
      floorName: 'the same in node -i',
      floorValues: rawPromptIdle,
      maxRatio: 1.5,
    }),
  ];
  process.stdout.write(`${JSON.stringify(rows)}\n`);
} finally {
  await emulator.close();
  rmSync(home, { recursive: true, force: true });
}
