import { describe, expect, it } from 'vitest';
import { colourEnabled, outcomeOf, palette, textTable } from '../../src/present/index.js';
import { realSpec } from '../repl/real-spec.js';

describe('colour with meaning', () => {
  it('reads an outcome from every state enum of the real spec that names one', () => {
    const states = new Set<string>();
    const walk = (value: unknown): void => {
      if (!value || typeof value !== 'object') return;
      const record = value as Record<string, unknown>;
      if (Array.isArray(record.enum)) for (const v of record.enum) states.add(String(v));
      for (const child of Object.values(record)) walk(child);
    };
    walk(realSpec().definitions);
    expect(outcomeOf('ENGINE_SUCCEEDED')).toBe('succeeded');
    expect(outcomeOf('ENGINE_FAILED')).toBe('failed');
    expect(outcomeOf('ENGINE_TIMEDOUT')).toBe('failed');
    expect(outcomeOf('APPLICATION_RUNNING')).toBe('running');
    expect(outcomeOf('APPLICATION_STOPPING')).toBe('running');
    expect(outcomeOf('APPLICATION_STOPPED')).toBe('stopped');
    expect(outcomeOf('deployed')).toBe('succeeded');
    expect(outcomeOf('build failed')).toBe('failed');
    expect(outcomeOf('UNAVAILABLE')).toBeUndefined();
    for (const state of states)
      if (/^(ENGINE|APPLICATION|EXPERIMENT_RUN)_/.test(state)) {
        expect(outcomeOf(state), state).toBeDefined();
      }
  });

  it('colours states in tables only when colour is on', () => {
    const runs = [
      { id: 'r1', status: 'ENGINE_SUCCEEDED' },
      { id: 'r2', status: 'ENGINE_FAILED' },
    ];
    const coloured = textTable(runs, ['id', 'status'], { palette: palette(true) }).text;
    expect(coloured).toContain('\u001b[32mENGINE_SUCCEEDED');
    expect(coloured).toContain('\u001b[31mENGINE_FAILED');
    expect(textTable(runs, ['id', 'status'], { palette: palette(false) }).text).not.toContain('\u001b');
  });

  it('follows NO_COLOR, FORCE_COLOR and whether the output is a terminal', () => {
    const tty = { isTTY: true };
    expect(colourEnabled(tty, {})).toBe(true);
    expect(colourEnabled({ isTTY: false }, {})).toBe(false);
    expect(colourEnabled(tty, { NO_COLOR: '1' })).toBe(false);
    expect(colourEnabled(tty, { NO_COLOR: '' })).toBe(true);
    expect(colourEnabled({ isTTY: false }, { FORCE_COLOR: '1' })).toBe(true);
    expect(colourEnabled(tty, { FORCE_COLOR: '0' })).toBe(false);
  });
});
