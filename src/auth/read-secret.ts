import { CmlAbortError, CmlUsageError } from '../errors/index.js';

/** An API key is a short line; more than this on stdin is not one (`< /dev/zero`). */
export const MAX_STDIN_SECRET_BYTES = 64 * 1024;

/**
 * Reads all of stdin and returns it trimmed, for `--token-stdin`, stopping past
 * MAX_STDIN_SECRET_BYTES so an endless stream never fills memory.
 * @throws CmlUsageError when stdin is empty or too long.
 */
export async function readStdinSecret(stdin: NodeJS.ReadableStream = process.stdin): Promise<string> {
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of stdin) {
    const bytes = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
    total += bytes.byteLength;
    if (total > MAX_STDIN_SECRET_BYTES) {
      (stdin as Partial<NodeJS.ReadStream>).destroy?.();
      throw new CmlUsageError(
        `--token-stdin: more than ${MAX_STDIN_SECRET_BYTES / 1024} KiB on stdin, which is not an API key; pipe in the key alone`,
      );
    }
    chunks.push(bytes);
  }
  const text = Buffer.concat(chunks).toString('utf8').trim();
  if (!text)
    throw new CmlUsageError(
      '--token-stdin: stdin was empty; pipe the API key in, e.g. `pass cml | cmlsh login --token-stdin`',
    );
  return text;
}

/**
 * Asks for a secret on a terminal without echoing it: raw mode, so the key never shows on
 * screen or in scrollback. Enter ends it, Backspace edits, Ctrl+C or Ctrl+D cancels.
 * @throws CmlUsageError when stdin is not a terminal, or CmlAbortError when cancelled (Ctrl+C).
 */
export async function promptSecret(
  prompt: string,
  stdin: NodeJS.ReadStream = process.stdin,
  output: NodeJS.WritableStream = process.stderr,
): Promise<string> {
  if (!stdin.isTTY) {
    throw new CmlUsageError('stdin is not a terminal: pipe the API key in with --token-stdin');
  }
  output.write(prompt);
  stdin.setRawMode(true);
  stdin.resume();
  stdin.setEncoding('utf8');
  try {
    const value = await new Promise<string>((resolve, reject) => {
      let text = '';
      const onData = (chunk: string) => {
        for (const char of chunk) {
          if (char === '\r' || char === '\n') {
            stdin.off('data', onData);
            resolve(text);
            return;
          }
          if (char === '\u0003' || char === '\u0004') {
            stdin.off('data', onData);
            reject(new CmlAbortError('Cancelled: no API key entered'));
            return;
          }
          if (char === '\u007f' || char === '\b') text = text.slice(0, -1);
          else if (char >= ' ') text += char;
        }
      };
      stdin.on('data', onData);
    });
    if (!value.trim()) throw new CmlUsageError('No API key entered');
    return value.trim();
  } finally {
    stdin.setRawMode(false);
    stdin.pause();
    output.write('\n');
  }
}
