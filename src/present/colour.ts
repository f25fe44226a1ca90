/** What a state means for the person watching it. */
export type Outcome = 'succeeded' | 'running' | 'failed' | 'stopped';

/** Colour names as ink takes them; the ANSI code of each for plain text. */
export type ColourName = 'green' | 'yellow' | 'red' | 'gray';

const ANSI: Record<ColourName, number> = { green: 32, yellow: 33, red: 31, gray: 90 };

export const OUTCOME_COLOUR: Readonly<Record<Outcome, ColourName>> = {
  succeeded: 'green',
  running: 'yellow',
  failed: 'red',
  stopped: 'gray',
};

/**
 * The outcome a state value stands for, read from the words CML's enums use
 * (ENGINE_SUCCEEDED, APPLICATION_RUNNING, build "built", deployment "deployed", …);
 * undefined for values that say nothing about an outcome.
 */
export function outcomeOf(value: unknown): Outcome | undefined {
  if (typeof value !== 'string' || value === '') return undefined;
  const state = value.toUpperCase();
  if (/FAIL|ERROR|TIMEDOUT|TIMED_OUT|KILLED|CRASH|REJECTED/.test(state)) return 'failed';
  if (/SUCCE|FINISHED|COMPLETED|DEPLOYED|\bBUILT\b|(^|_)AVAILABLE|(^|_)READY|HEALTHY/.test(state))
    return 'succeeded';
  if (
    /RUNNING|STARTING|SCHEDUL|BUILDING|DEPLOYING|PENDING|PROGRESS|STOPPING|QUEUED|CREATING|PUSHING|RESTARTING/.test(
      state,
    )
  )
    return 'running';
  if (/STOPPED|SKIPPED|PAUSED|DISABLED|DELETED|DEPRECATED|UNKNOWN|NOT_STARTED|CANCEL/.test(state))
    return 'stopped';
  return undefined;
}

/**
 * Whether to colour output to `stream`: FORCE_COLOR (other than 0) forces it on, NO_COLOR
 * (any non-empty value, no-color.org) turns it off, otherwise only a terminal gets colour.
 */
export function colourEnabled(stream: unknown, env: NodeJS.ProcessEnv = process.env): boolean {
  const force = env.FORCE_COLOR;
  if (force !== undefined && force !== '') return force !== '0' && force !== 'false';
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  return Boolean((stream as { isTTY?: unknown } | undefined)?.isTTY);
}

/** Text styles for plain-text output; identity functions when colour is off. */
export interface Palette {
  readonly enabled: boolean;
  readonly header: (text: string) => string;
  /** Hints and footers. */
  readonly dim: (text: string) => string;
  readonly error: (text: string) => string;
  readonly colour: (text: string, colour: ColourName | undefined) => string;
}

const same = (text: string) => text;

export function palette(enabled: boolean): Palette {
  if (!enabled) return { enabled, header: same, dim: same, error: same, colour: same };
  return {
    enabled,
    header: (text) => `\u001b[1m${text}\u001b[22m`,
    dim: (text) => `\u001b[2m${text}\u001b[22m`,
    error: (text) => `\u001b[31m${text}\u001b[39m`,
    colour: (text, colour) => (colour ? `\u001b[${ANSI[colour]}m${text}\u001b[39m` : text),
  };
}
