import { Text } from 'ink';

const FRAMES = ['⠋', '⠙', '⠹', '⠸', '⠼', '⠴', '⠦', '⠧', '⠇', '⠏'];

/** One spinner frame; the owner steps `tick` (see useTick). */
export function Spinner({ tick }: { readonly tick: number }) {
  return <Text color="cyan">{FRAMES[tick % FRAMES.length]}</Text>;
}
