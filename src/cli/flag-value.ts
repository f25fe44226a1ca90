import { CmlUsageError } from '../errors/index.js';
import type { FlagSpec } from './options.js';

/**
 * Checks one flag's value as the command line gave it, for yargs (as its coerce) and for
 * the fast paths alike, so both refuse the same command lines with the same words. A flag
 * given twice is refused rather than one of its values silently winning (or yargs handing
 * on an array); a value flag needs a value; a number is a whole number in its range,
 * written in plain digits (so `1e100`, `0x10` and `''` are refused, not read as something).
 * @throws CmlUsageError naming the flag, what was wrong and what would be right.
 */
export function flagValue(name: string, spec: FlagSpec, raw: unknown): unknown {
  if (Array.isArray(raw)) {
    throw new CmlUsageError(`--${name} given ${times(raw.length)}: give it once`);
  }
  if (spec.type === 'boolean') return raw;
  const text = typeof raw === 'string' ? raw : '';
  if (text.trim() === '') throw new CmlUsageError(`--${name} needs a value${example(name, spec)}`);
  if (spec.type === 'string') return text;
  const [min, max] = spec.range ?? [Number.MIN_SAFE_INTEGER, Number.MAX_SAFE_INTEGER];
  const value = /^\s*-?\d+\s*$/.test(text) ? Number(text) : Number.NaN;
  if (!Number.isSafeInteger(value) || value < min || value > max) {
    throw new CmlUsageError(
      `--${name} takes ${wholeNumber(min, max, spec.unit)}${example(name, spec)}, not "${text}"`,
    );
  }
  return value;
}

function times(count: number): string {
  return count === 2 ? 'twice' : `${count} times`;
}

function wholeNumber(min: number, max: number, unit: string | undefined): string {
  const of = unit ? ` of ${unit}` : '';
  if (max >= Number.MAX_SAFE_INTEGER) return `a whole number${of} (${min} or more)`;
  return `a whole number${of} from ${min} to ${max}`;
}

function example(name: string, spec: FlagSpec): string {
  return spec.example ? `, e.g. --${name} ${spec.example}` : '';
}
