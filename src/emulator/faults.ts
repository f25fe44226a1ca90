import type { FaultKind, LiveSettings } from './options.js';

/** Every kind, for when the caller names none. */
export const ALL_FAULTS: readonly FaultKind[] = ['503', '429', 'reset', 'truncate'];

/** Draws whether this request fails and how: one draw for whether, one for which kind. */
export function drawFault(settings: LiveSettings, random: () => number): FaultKind | undefined {
  if (settings.faultRate <= 0 || random() >= settings.faultRate) return undefined;
  const kinds = settings.faultKinds.length > 0 ? settings.faultKinds : ALL_FAULTS;
  return kinds[Math.min(kinds.length - 1, Math.floor(random() * kinds.length))];
}
