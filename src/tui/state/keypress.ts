/** The named keys the browser reacts to; anything else arrives as text in `input`. */
export type KeyName =
  | 'up'
  | 'down'
  | 'left'
  | 'right'
  | 'pageUp'
  | 'pageDown'
  | 'home'
  | 'end'
  | 'return'
  | 'escape'
  | 'tab'
  | 'backspace'
  | 'delete';

/** One key press, as the reducer sees it: one character of text, or one named key. */
export interface Keypress {
  /** The character typed; empty for a named key. */
  readonly input: string;
  readonly name?: KeyName | undefined;
  readonly ctrl?: boolean | undefined;
  readonly meta?: boolean | undefined;
}

/** ink's key flags, the part of them the browser reads. */
export interface InkKey {
  readonly upArrow: boolean;
  readonly downArrow: boolean;
  readonly leftArrow: boolean;
  readonly rightArrow: boolean;
  readonly pageUp: boolean;
  readonly pageDown: boolean;
  readonly home: boolean;
  readonly end: boolean;
  readonly return: boolean;
  readonly escape: boolean;
  readonly tab: boolean;
  readonly backspace: boolean;
  readonly delete: boolean;
  readonly ctrl: boolean;
  readonly meta: boolean;
}

const NAMES: readonly [keyof InkKey, KeyName][] = [
  ['upArrow', 'up'],
  ['downArrow', 'down'],
  ['leftArrow', 'left'],
  ['rightArrow', 'right'],
  ['pageUp', 'pageUp'],
  ['pageDown', 'pageDown'],
  ['home', 'home'],
  ['end', 'end'],
  ['return', 'return'],
  ['escape', 'escape'],
  ['tab', 'tab'],
  ['backspace', 'backspace'],
  ['delete', 'delete'],
];

function charKey(ch: string): Keypress {
  if (ch === '\r' || ch === '\n') return { input: '', name: 'return' };
  if (ch === '\x7f' || ch === '\b') return { input: '', name: 'backspace' };
  if (ch === '\t') return { input: '', name: 'tab' };
  return { input: ch };
}

/**
 * What ink reported as one event, as the key presses it holds. ink hands over text read in
 * one chunk as one event ("fraud\r", " q"): a paste, or keys typed faster than they are
 * read; each character is its own key press here, so a burst is handled key by key.
 */
export function keypressesOf(input: string, key: InkKey): Keypress[] {
  const named = NAMES.find(([flag]) => key[flag])?.[1];
  if (named && input.length <= 1)
    return [{ input: '', name: named, ctrl: key.ctrl, meta: key.meta && !key.escape }];
  if (key.ctrl || (key.meta && input.length <= 1)) return [{ input, ctrl: key.ctrl, meta: key.meta }];
  return [...input].map(charKey);
}
