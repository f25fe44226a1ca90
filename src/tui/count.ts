/** `1 row`, `2 rows`: a count with its noun, singular when there is one. */
export function count(n: number, noun: string): string {
  return `${n} ${n === 1 ? noun : `${noun}s`}`;
}
