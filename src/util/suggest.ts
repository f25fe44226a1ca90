/** "Did you mean" support: the closest few candidates by edit distance. */
export function closest(input: string, candidates: Iterable<string>, max = 3): string[] {
  const needle = input.toLowerCase();
  const scored: { name: string; score: number }[] = [];
  for (const name of candidates) {
    const hay = name.toLowerCase();
    const distance = editDistance(needle, hay);
    const contains = hay.includes(needle) || needle.includes(hay);
    const limit = Math.max(2, Math.floor(Math.max(needle.length, hay.length) / 3));
    if (distance <= limit || contains) scored.push({ name, score: contains ? distance / 2 : distance });
  }
  scored.sort((a, b) => a.score - b.score || a.name.localeCompare(b.name));
  return [...new Set(scored.map((s) => s.name))].slice(0, max);
}

/** " Did you mean listProjects?" or "" */
export function didYouMean(input: string, candidates: Iterable<string>): string {
  const best = closest(input, candidates);
  return best.length ? ` Did you mean ${best.join(', ')}?` : '';
}

function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      current[j] = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + cost);
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}
