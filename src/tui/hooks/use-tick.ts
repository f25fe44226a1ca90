import { useEffect, useState } from 'react';

/** A counter that steps every `ms` while `active`: drives spinners and busy bars. */
export function useTick(active: boolean, ms = 100): number {
  const [tick, setTick] = useState(0);
  useEffect(() => {
    if (!active) return;
    const timer = setInterval(() => setTick((t) => t + 1), ms);
    return () => clearInterval(timer);
  }, [active, ms]);
  return tick;
}
