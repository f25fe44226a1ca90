import { Box, Text } from 'ink';

// Kept to one screen of 24 rows: paired keys share a line.
const TABLE_KEYS: readonly [string, string][] = [
  ['↑ ↓ PgUp PgDn Home End', 'move'],
  ['n / p', 'next / previous page (fetched when needed)'],
  ['a', 'load all pages (Esc stops)'],
  ['/  then S', 'filter as you type: text, or field=value (Esc clears); S: on the server as search_filter'],
  ['s / c', 'sort by a column (again: descending, then off) / choose columns'],
  ['Space', 'mark a row'],
  ['Enter / g', 'show the row as a JSON tree / what it leads to (needs the api)'],
  ['x', 'the call behind the view as JavaScript, curl, Python (1 2 3 pick, y copies)'],
  ['R / w / :', 'refresh in place / auto-refresh, changes lit up / the row’s actions (stop, restart)'],
  ['e / r', 'export the marked rows, else those shown (.json .jsonl .csv) / retry a page that failed'],
  ['q / Ctrl+C', 'leave (returns the marked rows, or the opened row)'],
];

const DETAIL_KEYS: readonly [string, string][] = [
  ['↑ ↓  ← →', 'move, fold / unfold'],
  ['Enter', 'fold / unfold; on a field marked ↵ opens that resource'],
  ['g / x / R / :', 'related resources and collections / the call as code / refresh / actions'],
  ['y / Y', 'copy the JSON path (on the root: the id) / the value as JSON'],
  ['Esc', 'back one step: the table, then the view you drilled from'],
];

/** The key help, drawn in place of the table until any key is pressed. */
export function HelpOverlay({ height }: { readonly height: number }) {
  const line = ([keys, what]: [string, string]) => (
    <Text key={keys} wrap="truncate">
      <Text color="cyan">{keys.padEnd(24)}</Text>
      {what}
    </Text>
  );
  return (
    <Box flexDirection="column" height={height}>
      <Text bold>Keys — table</Text>
      {TABLE_KEYS.map(line)}
      <Text bold>Keys — detail</Text>
      {DETAIL_KEYS.map(line)}
      <Text dimColor>press any key to close</Text>
    </Box>
  );
}
