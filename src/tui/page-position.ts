/** Which loaded page (index into `pageStarts`) holds row `rowIndex`. */
export function pageIndexOf(pageStarts: readonly number[], rowIndex: number): number {
  let low = 0;
  let high = pageStarts.length - 1;
  while (low < high) {
    const mid = Math.ceil((low + high) / 2);
    if ((pageStarts[mid] ?? 0) <= rowIndex) low = mid;
    else high = mid - 1;
  }
  return Math.max(0, low);
}

/**
 * The first position in the displayed rows that belongs to loaded page `page`, or -1.
 * In load order (`sorted` false) a binary search; otherwise a scan, done once per `n`/`p`.
 */
export function firstPositionOfPage(
  view: readonly number[],
  pageStarts: readonly number[],
  page: number,
  sorted: boolean,
): number {
  const start = pageStarts[page];
  if (start === undefined) return -1;
  const end = pageStarts[page + 1] ?? Number.POSITIVE_INFINITY;
  if (sorted) return view.findIndex((index) => index >= start && index < end);
  let low = 0;
  let high = view.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if ((view[mid] ?? 0) < start) low = mid + 1;
    else high = mid;
  }
  return low < view.length && (view[low] ?? end) < end ? low : -1;
}
