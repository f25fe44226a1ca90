import { cutToWidth, displayWidth } from './display-width.js';

/**
 * Wraps text at word boundaries to `width` cells; each line after a break is indented
 * with `indent` (a continued banner or help line lines up under its first word). Existing
 * line breaks are kept. A single word wider than the line is left whole unless `cut`
 * (then it ends in "…"), so paths and URLs are never broken in the middle.
 */
export function wrapWords(text: string, width: number, indent = '', options: { cut?: boolean } = {}): string {
  return text
    .split('\n')
    .map((line) => wrapLine(line, Math.max(10, width), indent, options.cut ?? false))
    .join('\n');
}

function wrapLine(line: string, width: number, indent: string, cut: boolean): string {
  if (displayWidth(line) <= width) return line;
  const lead = /^\s*/.exec(line)?.[0] ?? '';
  const words = line.slice(lead.length).split(/ +/);
  const lines: string[] = [];
  let current = lead;
  let empty = true;
  for (const word of words) {
    const next = empty ? current + word : `${current} ${word}`;
    if (empty || displayWidth(next) <= width) {
      current = next;
      empty = false;
      continue;
    }
    lines.push(current);
    current = lead + indent + word;
  }
  lines.push(current);
  return lines.map((l) => (cut ? cutToWidth(l, width) : l)).join('\n');
}
