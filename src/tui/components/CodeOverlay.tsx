import { Box, Text } from 'ink';
import type { CallAsCode } from '../../api/call-as-code.js';
import { CODE_TABS } from '../code-tabs.js';

export interface CodeOverlayProps {
  /** The call behind the view; undefined says there is none. */
  readonly code: CallAsCode | undefined;
  /** Index into CODE_TABS. */
  readonly tab: number;
  readonly height: number;
  readonly width: number;
}

/** Long lines (a curl URL) folded to the screen's width rather than cut: all of it shows. */
function foldLines(text: string, width: number): string[] {
  const out: string[] = [];
  const room = Math.max(10, width);
  for (const line of text.split('\n')) {
    if (line.length <= room) out.push(line);
    else for (let at = 0; at < line.length; at += room) out.push(line.slice(at, at + room));
  }
  return out;
}

/** The call behind the current view as code: one language at a time, tabs to switch. */
export function CodeOverlay({ code, tab, height, width }: CodeOverlayProps) {
  if (!code) {
    return (
      <Box flexDirection="column" height={height}>
        <Text>No call behind this view: it was given as values, not fetched.</Text>
        <Text dimColor>press any key to close</Text>
      </Box>
    );
  }
  const shown = CODE_TABS[tab] ?? CODE_TABS[0];
  const lines = shown ? foldLines(code[shown.key], width) : [];
  const room = Math.max(1, height - 3);
  return (
    <Box flexDirection="column" height={height}>
      <Text wrap="truncate">
        {CODE_TABS.map((t, i) => (
          <Text key={t.key} inverse={i === tab} color={i === tab ? 'cyan' : 'gray'}>
            {` ${i + 1} ${t.title} `}
          </Text>
        ))}
      </Text>
      {lines.slice(0, room).map((line, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: lines of a fixed text; the position is the identity
        <Text key={i} wrap="truncate">
          {line}
        </Text>
      ))}
      {lines.length > room ? (
        <Text dimColor>… {lines.length - room} more lines (y copies them all)</Text>
      ) : null}
      <Text dimColor>1 2 3 or ← → switch · y copies the shown one · Esc closes</Text>
    </Box>
  );
}
