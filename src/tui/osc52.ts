/**
 * The OSC 52 sequence that asks the terminal to put `text` on the clipboard: it works over
 * SSH, where no local clipboard tool can. Inside tmux the sequence is wrapped so tmux
 * passes it on (tmux needs `set -g allow-passthrough on` or `set-clipboard on`).
 */
export function osc52(text: string, env: NodeJS.ProcessEnv = process.env): string {
  const sequence = `\x1b]52;c;${Buffer.from(text, 'utf8').toString('base64')}\x07`;
  if (env.TMUX) return `\x1bPtmux;${sequence.replaceAll('\x1b', '\x1b\x1b')}\x1b\\`;
  return sequence;
}
