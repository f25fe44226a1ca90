import { Text } from 'ink';

export interface PromptProps {
  readonly label: string;
  readonly value: string;
  /** Shown dim while nothing is typed: what Enter takes then. */
  readonly placeholder?: string | undefined;
  readonly hint?: string | undefined;
}

/** An inline input line: `label value█  hint`. */
export function Prompt({ label, value, placeholder, hint }: PromptProps) {
  return (
    <Text wrap="truncate">
      <Text color="cyan">{label}</Text>
      {value}
      <Text inverse> </Text>
      {value === '' && placeholder ? <Text dimColor>{placeholder}</Text> : null}
      {hint ? <Text dimColor> {hint}</Text> : null}
    </Text>
  );
}
