/** One id candidate as it would be inserted (`'abc'` outside quotes), and its resource's name. */
export interface IdCandidate {
  readonly text: string;
  readonly label: string | undefined;
}

const GAP = '  ';
const MIN_LABEL = 12;

/**
 * Turns id candidates into `id  name` entries so the list Node prints on the second Tab
 * says which project each id is.
 *
 * Why plain strings work with Node 20's readline (no custom display hook exists): on Tab it
 * inserts only the common prefix of the candidates, and when nothing more can be inserted a
 * second Tab prints them as given. The ids are distinct and padded to one width before the
 * names, so the common prefix of the entries never reaches past the ids: only id text is
 * ever inserted, and the names are only shown. A lone candidate would be inserted whole, so
 * it stays bare, as do lists without any name. Each entry is padded to over half of
 * `columns`, which makes readline lay the list out one entry per line, names aligned.
 */
export function labelledIds(candidates: readonly IdCandidate[], columns: number): string[] {
  const bare = candidates.map((c) => c.text);
  if (candidates.length < 2 || !candidates.some((c) => c.label)) return bare;
  const idWidth = Math.max(...bare.map((text) => text.length));
  // Readline pads every entry by 2 and wraps at `columns`; keep a line to one screen row.
  const labelRoom = Math.max(MIN_LABEL, columns - idWidth - GAP.length - 3);
  const lineWidth = Math.floor(columns / 2);
  return candidates.map(({ text, label }) => {
    const entry = `${text.padEnd(idWidth)}${GAP}${clip(label ?? '', labelRoom)}`;
    return entry.padEnd(lineWidth);
  });
}

function clip(text: string, width: number): string {
  return text.length <= width ? text : `${text.slice(0, width - 1)}…`;
}
