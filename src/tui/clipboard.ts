import { osc52 } from './osc52.js';

/** tmux's own answer on whether it lets an application set the clipboard, or undefined outside tmux. */
async function tmuxClipboard(env: NodeJS.ProcessEnv): Promise<string | undefined> {
  if (!env.TMUX) return undefined;
  // Loaded when asked: at import it was part of every first browse() (~2 ms).
  const { execFile } = await import('node:child_process');
  return new Promise((resolve) => {
    execFile('tmux', ['show-options', '-gv', 'set-clipboard'], { timeout: 2000, env }, (error, stdout) =>
      resolve(error ? 'unknown' : stdout.trim()),
    );
  });
}

/**
 * Puts `text` on the clipboard over OSC 52; resolves undefined when it went out, or a line
 * saying why the copy cannot have worked (tmux keeps the sequence to itself unless
 * `set-clipboard` is on; the terminal could not be written).
 */
export async function copyToClipboard(
  text: string,
  write: (data: string) => void,
  env: NodeJS.ProcessEnv = process.env,
): Promise<string | undefined> {
  const setting = await tmuxClipboard(env);
  if (setting !== undefined && setting !== 'on') {
    return `copy failed: tmux has set-clipboard ${setting}; run \`tmux set -g set-clipboard on\` and copy again`;
  }
  try {
    write(osc52(text));
    return undefined;
  } catch (error) {
    return `copy failed: ${error instanceof Error ? error.message : String(error)}`;
  }
}
