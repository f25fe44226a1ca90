import type { Key } from 'ink';
import { useState } from 'react';

/** What a key did to a one-line input. */
export type InputOutcome = 'submit' | 'cancel' | 'edit';

export interface TextInputState {
  readonly value: string;
  /** Starts editing with `initial` text. */
  reset(initial?: string): void;
  /** Applies one key press: Enter submits, Esc cancels, Backspace deletes, text is appended. */
  handle(input: string, key: Key): InputOutcome;
}

/** A tiny single-line text input (no ink-text-input): the caret always sits at the end. */
export function useTextInput(): TextInputState {
  const [value, setValue] = useState('');
  return {
    value,
    reset: (initial = '') => setValue(initial),
    handle(input, key) {
      if (key.return) return 'submit';
      if (key.escape) return 'cancel';
      if (key.backspace || key.delete) setValue((v) => v.slice(0, -1));
      else if (input && !key.ctrl && !key.meta && !key.upArrow && !key.downArrow) {
        setValue((v) => v + input);
      }
      return 'edit';
    },
  };
}
