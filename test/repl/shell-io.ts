import type { TmuxSession } from '../helpers/tmux.js';

/** The prompt of the test shell (test/repl/fixtures/start-shell.ts). */
export const PROMPT = 'cml:emu> ';
/** The prompt as the screen shows it at the end of a line (trailing blanks trimmed). */
export const MARK = 'cml:emu>';

export const count = (screen: string, text: string) => screen.split(text).length - 1;

/** Types a line and presses Enter, then waits for one more prompt than before. */
export async function enter(term: TmuxSession, line: string): Promise<string> {
  const before = count(term.screen(), MARK);
  term.type(line);
  term.press('Enter');
  return term.waitFor((screen) => count(screen, MARK) > before && screen.trimEnd().endsWith(MARK));
}

/** The output between the last `line` echoed at a prompt and the next prompt. */
export function outputOf(screen: string, line: string): string {
  const start = screen.lastIndexOf(`${PROMPT}${line}`);
  const rest = screen.slice(start + PROMPT.length + line.length);
  return rest.slice(0, rest.indexOf(MARK)).trim();
}
