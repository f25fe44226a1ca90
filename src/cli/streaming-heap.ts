import { setFlagsFromString } from 'node:v8';

/**
 * For a command that streams pages through (`call --all`): V8 doubles its young generation
 * each time as many bytes have survived scavenges as it holds, and a page in flight (being
 * written while the next one is read) survives one or two, so over a long listing the young
 * generation grew to its 16 MB limit and peak RSS grew with the number of items: 57 MB at
 * 3,000 projects, 65 MB at 30,000, 79 MB at 100,000. Kept at its first size, the listing
 * stays at 55-58 MB and is no slower (docs/performance.md). Set when the command starts:
 * V8 reads this flag whenever it would grow, unlike the sizes fixed when the heap was made.
 */
export function keepYoungGenerationSmall(): void {
  setFlagsFromString('--semi-space-growth-factor=1');
}
