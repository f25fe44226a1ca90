import { Text } from 'ink';

export interface PromptProps {
  readonly label: string;
  readonly value: string;
  readonly hint?: string | undefined;
}

/** An inline input line: `label value█  hint`. */
export function Prompt({ label, value, hint }: PromptProps) {
  return (
    <Text wrap="truncate">
      <Text color="cyan">{label}</Text>
      {value}
      <Text inverse> </Text>
      {hint ? <Text dimColor> {hint}</Text> : null}
    </Text>
  );
}
