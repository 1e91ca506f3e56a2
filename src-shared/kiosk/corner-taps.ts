/**
 * The hidden staff gesture (docs/kiosk-lockdown.md): five taps within three seconds in the
 * top-left corner of the kiosk open «Acceso del personal». A citizen resting a hand there, or
 * tapping twice by mistake, does not; a technician who knows does.
 */
export interface CornerRule {
  readonly taps: number;
  readonly withinMs: number;
}

export const staffCornerRule: CornerRule = { taps: 5, withinMs: 3_000 };

/** The corner's size in CSS pixels, from the top-left of the screen. */
export const staffCornerSizePx = 80;

/** The taps still counting after one at `at` (ms), and whether this one completes the gesture. */
export function tapCorner(
  previous: readonly number[],
  at: number,
  rule: CornerRule = staffCornerRule,
): { readonly taps: readonly number[]; readonly open: boolean } {
  const recent = [...previous.filter((t) => at - t < rule.withinMs && t <= at), at];
  if (recent.length >= rule.taps) return { taps: [], open: true };
  return { taps: recent, open: false };
}
