/**
 * Time to an interactive prompt, measured through a real pseudo-terminal: `script` from
 * util-linux runs the command on a pty and relays what it draws; we read that stream until
 * the prompt bytes appear. The `script` hop costs the same for the program and its floor.
 */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { REPO } from './children.js';

/**
 * Spawns `command` (a shell command line) on a pty and resolves with the milliseconds from
 * spawn until `prompt` matches what it has drawn; then types `.exit` and waits for it to end.
 * @throws when the prompt does not appear within `timeoutMs` (with what was drawn).
 */
export async function msToPrompt(
  command: string,
  prompt: RegExp,
  env: NodeJS.ProcessEnv,
  timeoutMs = 15_000,
): Promise<number> {
  const start = performance.now();
  const child = spawn('script', ['-qfc', command, '/dev/null'], { cwd: REPO, env, stdio: 'pipe' });
  let seen = '';
  let at: number | undefined;
  const ready = new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no prompt from ${command}; saw:\n${seen}`)), timeoutMs);
    child.stdout.on('data', (chunk: Buffer) => {
      if (at !== undefined) return;
      seen = (seen + chunk.toString('latin1')).slice(-4096);
      if (prompt.test(seen)) {
        at = performance.now();
        clearTimeout(timer);
        resolve();
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      if (at === undefined) reject(new Error(`${command} exited with ${String(code)}; saw:\n${seen}`));
    });
  });
  child.stderr.resume();
  const closed = once(child, 'close');
  try {
    await ready;
  } finally {
    // `.exit` leaves node -i at once; cmlsh, told to leave while its history still loads,
    // stays alive (see docs/performance.md), so it is killed: the time is already taken.
    child.stdin.write('.exit\r');
    const kill = setTimeout(() => child.kill('SIGKILL'), 1000);
    await closed;
    clearTimeout(kill);
  }
  return (at ?? Number.NaN) - start;
}
