import { Box, Text } from 'ink';
import type { ReactNode } from 'react';
import { safeLine } from '../../present/index.js';

export interface StatusLineProps {
  /** Prompt, progress, spinner or message: the line that changes. */
  readonly activity: ReactNode;
  /** Filter, sort and marks summary, and the key reminder. */
  readonly info: string;
  readonly error: string | undefined;
  /** There is something `r` can ask for again. */
  readonly retry: boolean;
}

/** The two bottom lines: what is happening (or went wrong), then where things stand. */
export function StatusLine({ activity, info, error, retry }: StatusLineProps) {
  return (
    <Box flexDirection="column">
      {error ? (
        <Text color="red" wrap="truncate">
          ✖ {retry ? 'r retries · ' : ''}
          {safeLine(error)}
        </Text>
      ) : (
        <Box>{activity ?? <Text> </Text>}</Box>
      )}
      <Text dimColor wrap="truncate">
        {safeLine(info)}
      </Text>
    </Box>
  );
}
