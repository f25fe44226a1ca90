import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';

/** Options for a terminal session. */
export interface TmuxOptions {
  readonly width?: number;
  readonly height?: number;
  /** Extra environment for the command. */
  readonly env?: Readonly<Record<string, string>>;
  readonly cwd?: string;
  /** Let programs write tmux's clipboard with OSC 52 (`set-clipboard on`), as many users do. */
  readonly clipboard?: boolean;
}

/**
 * A real terminal for end-to-end tests: a detached tmux session on a private server
 * (its own socket, so parallel tests and a user's tmux never meet). Tests type keys and
 * poll the screen until text appears, never assert after a fixed sleep.
 */
export class TmuxSession {
  private constructor(
    private readonly socket: string,
    readonly name: string,
  ) {}

  /** Starts `command` (run by sh) in a new detached session of the given size. */
  static start(command: string, options: TmuxOptions = {}): TmuxSession {
    const socket = `cmlsh-test-${process.pid}-${randomBytes(3).toString('hex')}`;
    const session = new TmuxSession(socket, 'main');
    const env = Object.entries(options.env ?? {}).map(([key, value]) => `${key}=${shellQuote(value)}`);
    // `remain-on-exit` keeps the pane after the command ends, so a test can read its last words.
    session.tmux(
      'new-session',
      '-d',
      '-s',
      session.name,
      '-x',
      String(options.width ?? 120),
      '-y',
      String(options.height ?? 40),
      ...(options.cwd ? ['-c', options.cwd] : []),
      `${env.length ? `env ${env.join(' ')} ` : ''}${command}`,
    );
    session.tmux('set-option', '-t', session.name, 'remain-on-exit', 'on');
    if (options.clipboard) session.tmux('set-option', '-s', 'set-clipboard', 'on');
    return session;
  }

  /** Types text literally (no key names). */
  type(text: string): void {
    this.tmux('send-keys', '-t', this.name, '-l', text);
  }

  /** Presses keys by tmux name: 'Enter', 'Tab', 'C-c', 'C-d', 'Up'. */
  press(...keys: string[]): void {
    this.tmux('send-keys', '-t', this.name, ...keys);
  }

  /** The visible screen (and `history` lines of scrollback), trailing blanks trimmed. */
  screen(history = 5000): string {
    return this.tmux('capture-pane', '-p', '-J', '-t', this.name, '-S', `-${history}`).replace(/\s+$/, '');
  }

  /** The line the cursor is on. */
  cursorLine(): string {
    const y = Number(this.tmux('display-message', '-p', '-t', this.name, '#{cursor_y}').trim());
    return this.tmux('capture-pane', '-p', '-t', this.name).split('\n')[y] ?? '';
  }

  /** The pane's title, as a program sets it with OSC 0/2. */
  paneTitle(): string {
    return this.tmux('display-message', '-p', '-t', this.name, '#{pane_title}').trim();
  }

  /** tmux's paste buffers, one name and sample a line: where an OSC 52 copy lands. */
  buffers(): string {
    return this.tmux('list-buffers').trim();
  }

  /** True once the program in the pane has ended. */
  exited(): boolean {
    return this.tmux('display-message', '-p', '-t', this.name, '#{pane_dead}').trim() === '1';
  }

  /**
   * Polls the screen until `expected` (text, pattern or predicate) holds; returns the
   * screen. The deadline is generous because it only bounds failures.
   */
  async waitFor(
    expected: string | RegExp | ((screen: string) => boolean),
    timeoutMs = 15_000,
  ): Promise<string> {
    const test =
      typeof expected === 'function'
        ? expected
        : typeof expected === 'string'
          ? (s: string) => s.includes(expected)
          : (s: string) => expected.test(s);
    const deadline = Date.now() + timeoutMs;
    let last = '';
    while (Date.now() < deadline) {
      last = this.screen();
      if (test(last)) return last;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    throw new Error(`Timed out waiting for ${String(expected)}; the screen was:\n${last}`);
  }

  /** Waits until the program in the pane has ended. */
  async waitForExit(timeoutMs = 20_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      if (this.exited()) return;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    throw new Error(`The program did not exit; the screen was:\n${this.screen()}`);
  }

  /** Sets a server-wide option, as `tmux set -g` in a user's tmux.conf would. */
  setGlobal(option: string, value: string): void {
    this.tmux('set-option', '-g', option, value);
  }

  /** The newest paste buffer (what an OSC 52 copy left with `set-clipboard on`), '' when none. */
  pasteBuffer(): string {
    try {
      return this.tmux('show-buffer');
    } catch {
      return '';
    }
  }

  /** Ends the session and its private server. */
  kill(): void {
    try {
      this.tmux('kill-server');
    } catch {
      // Already gone.
    }
  }

  private tmux(...args: string[]): string {
    return execFileSync('tmux', ['-L', this.socket, ...args], { encoding: 'utf8' });
  }
}

function shellQuote(value: string): string {
  return `'${value.replace(/'/g, `'\\''`)}'`;
}
