/**
 * Wraps `text` at word boundaries so no line is longer than `width`: the first line starts
 * with `first`, the others with `indent`. A word longer than a line is left whole (a URL
 * or a path is never cut).
 */
export function wrapWords(text: string, width: number, indent = '', first = ''): string[] {
  const lines: string[] = [];
  let line = first;
  let fresh = true;
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (!fresh && line.length + 1 + word.length > width) {
      lines.push(line);
      line = `${indent}${word}`;
    } else line = fresh ? `${line}${word}` : `${line} ${word}`;
    fresh = false;
  }
  lines.push(line);
  return lines;
}
