/**
 * Wrong staff credentials at a kiosk's hidden gesture, counted for the whole device — not per
 * username, since whoever guesses can change the name at each try. Five failures within five
 * minutes close the dialog for five minutes; a success forgets the count. Pure: the clock is
 * passed in, the state is returned. The gate keeps it in the store (`device_meta`,
 * `kioskStaffThrottle`), not in memory: someone at a lobby kiosk can pull its plug, and a
 * restart must not reopen the corner. The central server throttles every sign-in again on its
 * own side.
 */
export interface ThrottleRule {
  readonly failures: number;
  readonly withinMs: number;
  readonly lockMs: number;
}

export const staffAccessRule: ThrottleRule = { failures: 5, withinMs: 5 * 60_000, lockMs: 5 * 60_000 };

export interface ThrottleState {
  /** Times of the failures still counting (ms). */
  readonly failures: readonly number[];
  /** Until when tries are refused (ms); 0 for not locked. */
  readonly lockedUntil: number;
}

export const openThrottle: ThrottleState = { failures: [], lockedUntil: 0 };

/** Whether a try may go ahead at `now`, and if not, how long to wait. */
export function mayTry(
  state: ThrottleState,
  now: number,
): { readonly allowed: true } | { readonly allowed: false; readonly waitMs: number } {
  return state.lockedUntil > now ? { allowed: false, waitMs: state.lockedUntil - now } : { allowed: true };
}

export function afterFailure(state: ThrottleState, now: number, rule: ThrottleRule = staffAccessRule): ThrottleState {
  const failures = [...state.failures.filter((at) => now - at < rule.withinMs), now];
  if (failures.length >= rule.failures) return { failures: [], lockedUntil: now + rule.lockMs };
  return { failures, lockedUntil: state.lockedUntil };
}

export function afterSuccess(): ThrottleState {
  return openThrottle;
}

/** The Spanish answer while locked: how long, in whole minutes, and what to do meanwhile. */
export function lockedMessage(waitMs: number): string {
  const minutes = Math.max(1, Math.ceil(waitMs / 60_000));
  return (
    `Demasiados intentos fallidos en este equipo. Espere ${minutes} ${minutes === 1 ? 'minuto' : 'minutos'} ` +
    'e intente de nuevo, o pida ayuda al área de sistemas.'
  );
}

/**
 * The state as the store keeps it. Unreadable text (a hand-edited or half-written value) reads as
 * locked for one full period from `now`: a broken record must not open the corner.
 */
export function parseThrottle(text: string | null, now: number, rule: ThrottleRule = staffAccessRule): ThrottleState {
  if (text === null) return openThrottle;
  try {
    const value: unknown = JSON.parse(text);
    if (typeof value === 'object' && value !== null) {
      const { failures, lockedUntil } = value as Record<string, unknown>;
      if (
        Array.isArray(failures) &&
        failures.every((at): at is number => Number.isFinite(at)) &&
        typeof lockedUntil === 'number' &&
        Number.isFinite(lockedUntil)
      )
        // A clock set back since the lock (a flat RTC battery) must not stretch it past one period.
        return { failures, lockedUntil: Math.min(lockedUntil, now + rule.lockMs) };
    }
  } catch {
    // Falls through to the locked answer below.
  }
  return { failures: [], lockedUntil: now + rule.lockMs };
}

export function serializeThrottle(state: ThrottleState): string {
  return JSON.stringify({ failures: state.failures, lockedUntil: state.lockedUntil });
}
