/**
 * A program on a real pseudo-terminal: `script` from util-linux runs the command on a pty and
 * relays what it draws; we read that stream until expected bytes appear. The `script` hop
 * costs the same for the program and its floor.
 */
import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import { once } from 'node:events';
import { REPO } from './children.js';

/** A command running on a pty: wait for what it draws, type into it, end it. */
export class PtySession {
  private seen = '';
  private readonly started = performance.now();
  private constructor(
    private readonly command: string,
    private readonly child: ChildProcessWithoutNullStreams,
  ) {
    child.stdout.on('data', (chunk: Buffer) => {
      this.seen = (this.seen + chunk.toString('latin1')).slice(-8192);
    });
    child.stderr.resume();
  }

  static start(command: string, env: NodeJS.ProcessEnv): PtySession {
    return new PtySession(command, spawn('script', ['-qfc', command, '/dev/null'], { cwd: REPO, env }));
  }

  /** Milliseconds since start when `pattern` matched what was drawn since the last `type`. */
  waitFor(pattern: RegExp, timeoutMs = 15_000): Promise<number> {
    return new Promise((resolve, reject) => {
      const check = () => {
        if (!pattern.test(this.seen)) return false;
        cleanup();
        resolve(performance.now() - this.started);
        return true;
      };
      const onExit = (code: number | null) => {
        cleanup();
        reject(new Error(`${this.command} exited with ${String(code)}; saw:\n${this.seen}`));
      };
      const timer = setTimeout(() => {
        cleanup();
        reject(new Error(`${pattern} never appeared from ${this.command}; saw:\n${this.seen}`));
      }, timeoutMs);
      const cleanup = () => {
        clearTimeout(timer);
        this.child.stdout.off('data', check);
        this.child.off('exit', onExit);
      };
      // Registered after the recording listener, so `seen` already holds the chunk.
      this.child.stdout.on('data', check);
      this.child.once('exit', onExit);
      check();
    });
  }

  /** Forgets what was drawn so far, types `text`, returns the time it was typed. */
  type(text: string): number {
    this.seen = '';
    this.child.stdin.write(text);
    return performance.now() - this.started;
  }

  /** Types `leave` (`.exit\r`, `q`), then kills what is still running after a second. */
  async close(leave: string): Promise<void> {
    if (this.child.exitCode !== null) return;
    const closed = once(this.child, 'close');
    this.child.stdin.write(leave);
    const kill = setTimeout(() => this.child.kill('SIGKILL'), 1000);
    await closed;
    clearTimeout(kill);
  }
}

/**
 * Spawns `command` on a pty and resolves with the milliseconds from spawn until `prompt`
 * matches what it has drawn; then types `.exit` and waits for it to end.
 * @throws when the prompt does not appear within `timeoutMs` (with what was drawn).
 */
export async function msToPrompt(
  command: string,
  prompt: RegExp,
  env: NodeJS.ProcessEnv,
  timeoutMs = 15_000,
): Promise<number> {
  const session = PtySession.start(command, env);
  try {
    return await session.waitFor(prompt, timeoutMs);
  } finally {
    // `.exit` leaves node -i at once; cmlsh, told to leave while its history still loads,
    // stays alive (see docs/performance.md), so it is killed: the time is already taken.
    await session.close('.exit\r');
  }
}
