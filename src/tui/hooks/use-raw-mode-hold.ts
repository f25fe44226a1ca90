import { useStdin } from 'ink';
import { useEffect } from 'react';

/**
 * Holds raw mode for as long as the browser is mounted. When views swap (drill-down, Esc),
 * one view's useInput lets go before the next takes over; were ink's count of raw-mode users
 * to touch zero in between, ink would reset its key parser and drop a key already read
 * (an Esc pressed right after the previous one).
 */
export function useRawModeHold(): void {
  const { setRawMode, isRawModeSupported } = useStdin();
  useEffect(() => {
    if (!isRawModeSupported) return;
    setRawMode(true);
    return () => setRawMode(false);
  }, [setRawMode, isRawModeSupported]);
}
