import { Box, Text } from 'ink';

const TABLE_KEYS: readonly [string, string][] = [
  ['↑ ↓ PgUp PgDn Home End', 'move'],
  ['n / p', 'next / previous page (fetched when needed)'],
  ['a', 'load all pages (Esc stops)'],
  ['/', 'filter loaded rows (Enter applies, Esc clears)'],
  ['s', 'sort by a column (again: descending, then off)'],
  ['c', 'choose columns'],
  ['Space', 'mark a row'],
  ['Enter', 'show the row as a JSON tree'],
  ['e', 'export loaded rows (.json .jsonl .csv)'],
  ['r', 'retry a page that failed'],
  ['q / Ctrl+C', 'leave (returns the marked rows, or the opened row)'],
];

const DETAIL_KEYS: readonly [string, string][] = [
  ['↑ ↓', 'move'],
  ['← →  Enter', 'fold / unfold'],
  ['y', 'copy the JSON path (on the root: the id)'],
  ['Y', 'copy the value as JSON'],
  ['Esc', 'back to the table'],
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
