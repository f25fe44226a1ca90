/**
 * The OSC 52 sequence that asks the terminal to put `text` on the clipboard: it works over
 * SSH, where no local clipboard tool can. It is sent as it is inside tmux too: tmux with
 * `set-clipboard on` takes it, keeps a paste buffer and passes it to the outer terminal; a
 * passthrough wrapper would need `allow-passthrough`, which is off by default.
 */
export function osc52(text: string): string {
  return `\x1b]52;c;${Buffer.from(text, 'utf8').toString('base64')}\x07`;
}
