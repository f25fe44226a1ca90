import stringWidth from 'string-width';

/** Cells a string takes on a terminal: CJK and most emoji take two, combining marks none. */
export function displayWidth(text: string): number {
  // Plain ASCII (the common case: ids, names, dates) is one cell per character.
  return /^[\x20-\x7e]*$/.test(text) ? text.length : stringWidth(text);
}

// Made on first use: the first Intl.Segmenter of a process loads ICU data (about 13 ms),
// which the prompt does not need.
let segmenter: Intl.Segmenter | undefined;

/** The longest start of `text` that fits `width` cells, cut between graphemes. */
function headOf(text: string, width: number): string {
  let out = '';
  let used = 0;
  segmenter ??= new Intl.Segmenter(undefined, { granularity: 'grapheme' });
  for (const { segment } of segmenter.segment(text)) {
    const w = displayWidth(segment);
    if (used + w > width) break;
    out += segment;
    used += w;
  }
  return out;
}

/** `text` cut to at most `width` cells, ending in "…" when cut. */
export function cutToWidth(text: string, width: number): string {
  if (width <= 0) return '';
  if (displayWidth(text) <= width) return text;
  return `${headOf(text, width - 1)}…`;
}

/** `text` cut or padded with spaces to exactly `width` cells. */
export function fitToWidth(text: string, width: number): string {
  const cut = cutToWidth(text, width);
  const w = displayWidth(cut);
  return w < width ? cut + ' '.repeat(width - w) : cut;
}
