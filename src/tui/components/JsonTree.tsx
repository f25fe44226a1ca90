import { Box, Text } from 'ink';
import { safeLine } from '../../present/index.js';
import { type JsonKind, scalarText, type TreeLine } from '../json-tree.js';

const COLOURS: Record<JsonKind, string> = {
  object: 'gray',
  array: 'gray',
  string: 'green',
  number: 'yellow',
  boolean: 'magenta',
  null: 'gray',
};

export interface JsonTreeProps {
  /** Only the lines on screen. */
  readonly lines: readonly TreeLine[];
  /** Index in `lines` of the selected one, -1 for none. */
  readonly selected: number;
  readonly height: number;
  /** Top-level fields that open another resource on Enter, with the operation they call. */
  readonly links?: ReadonlyMap<string, string> | undefined;
}

/** A JSON value as an outline: ▾/▸ on objects and arrays, keys in cyan, values by kind. */
export function JsonTree({ lines, selected, height, links }: JsonTreeProps) {
  return (
    <Box flexDirection="column" height={height}>
      {lines.map((line, i) => {
        const marker = line.size > 0 ? (line.folded ? '▸ ' : '▾ ') : '  ';
        const label =
          line.label === undefined
            ? ''
            : typeof line.label === 'number'
              ? `[${line.label}]`
              : safeLine(line.label);
        const link = line.depth === 1 && typeof line.label === 'string' ? links?.get(line.label) : undefined;
        return (
          <Text key={line.id} inverse={i === selected} wrap="truncate">
            {'  '.repeat(line.depth)}
            {marker}
            {label === '' ? null : <Text color="cyan">{label}: </Text>}
            <Text color={COLOURS[line.kind]}>{scalarText(line)}</Text>
            {link ? <Text dimColor> ↵ {link}</Text> : null}
          </Text>
        );
      })}
    </Box>
  );
}
