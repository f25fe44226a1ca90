import { Box, Text } from 'ink';

export interface PickListProps {
  readonly title: string;
  readonly items: readonly { readonly label: string; readonly checked?: boolean | undefined }[];
  readonly cursor: number;
  readonly height: number;
  readonly hint: string;
}

/** A list to choose from (sort column) or toggle in (columns), scrolled to keep the cursor shown. */
export function PickList({ title, items, cursor, height, hint }: PickListProps) {
  const rows = Math.max(1, height - 2);
  const top = Math.max(0, Math.min(cursor - rows + 1, items.length - rows));
  const start = Math.max(0, Math.min(top, cursor));
  return (
    <Box flexDirection="column" height={height}>
      <Text bold>{title}</Text>
      {items.slice(start, start + rows).map((item, i) => {
        const box = item.checked === undefined ? '' : item.checked ? '[x] ' : '[ ] ';
        return (
          <Text key={item.label} inverse={start + i === cursor} wrap="truncate">
            {box}
            {item.label}
          </Text>
        );
      })}
      <Text dimColor>{hint}</Text>
    </Box>
  );
}
