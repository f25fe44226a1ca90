import { Text } from 'ink';

export interface ProgressBarProps {
  /** 0..1, or undefined when the total is unknown: a block then slides to show life. */
  readonly fraction: number | undefined;
  readonly width: number;
  readonly tick: number;
  readonly label: string;
}

/** A bar and a label: `[████░░░░] 1200 rows · 12 pages`. */
export function ProgressBar({ fraction, width, tick, label }: ProgressBarProps) {
  const cells = Math.max(4, width);
  let bar: string;
  if (fraction === undefined) {
    const block = Math.max(1, Math.floor(cells / 5));
    const start = tick % (cells - block + 1);
    bar = '░'.repeat(start) + '█'.repeat(block) + '░'.repeat(cells - block - start);
  } else {
    const filled = Math.round(Math.max(0, Math.min(1, fraction)) * cells);
    bar = '█'.repeat(filled) + '░'.repeat(cells - filled);
  }
  return (
    <Text>
      <Text color="cyan">[{bar}]</Text> {label}
    </Text>
  );
}
