/**
 * What `browse()` resolves to: the marked rows (in load order) when there are any, else the
 * row open in the detail view, else undefined.
 */
export function browserResult(
  rows: readonly unknown[],
  marks: ReadonlySet<number>,
  opened: unknown,
): unknown {
  if (marks.size > 0) return [...marks].sort((a, b) => a - b).map((index) => rows[index]);
  return opened;
}
