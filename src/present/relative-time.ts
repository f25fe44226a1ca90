/** ISO 8601 timestamps as servers send them: `2024-05-01T10:00:00Z`, `2024-05-01T10:00:00.123+02:00`. */
const ISO = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$/;

/** Whether a value is a timestamp a table may show as "3h ago". */
export function isTimestamp(value: unknown): value is string {
  return typeof value === 'string' && ISO.test(value) && !Number.isNaN(Date.parse(value));
}

const STEPS: readonly [number, string][] = [
  [60, 's'],
  [60, 'm'],
  [24, 'h'],
  [30, 'd'],
  [12, 'mo'],
  [Number.POSITIVE_INFINITY, 'y'],
];

/** "3h ago", "in 5m", "just now": at most 8 cells, for a column short of room. */
export function relativeTime(iso: string, now: number): string {
  const seconds = Math.round((now - Date.parse(iso)) / 1000);
  const abs = Math.abs(seconds);
  if (abs < 10) return 'just now';
  let amount = abs;
  for (const [size, unit] of STEPS) {
    if (amount < size) return seconds >= 0 ? `${amount}${unit} ago` : `in ${amount}${unit}`;
    amount = Math.floor(amount / size);
  }
  return iso;
}

/** The widest relativeTime can be. */
export const RELATIVE_WIDTH = 8;
