import { err, ok, type Result } from '../../src-shared/api/result';
import type { DeviceMeta } from '../device/device-meta';

/** Money operations refuse to run with a clock further than this from the server's. */
export const maxClockSkewMs = 5 * 60_000;

/**
 * The device clock against the server's, measured on every sync exchange: the server's time
 * minus the middle of the request (the classic NTP-style estimate; error ≤ half the round trip).
 * A long poll is answered at the end of its hold, and the server stamps its time then: against
 * the middle of the request it would read half the hold as skew (12.5 s for a 25 s poll), so a
 * held request is measured against the moment its answer arrived (error ≤ the answer's trip).
 */
export class DeviceClock {
  constructor(
    private readonly meta: DeviceMeta,
    private readonly now: () => number = Date.now,
  ) {}

  record(serverTime: string, sentAt: number, receivedAt: number, held = false): void {
    const server = Date.parse(serverTime);
    if (Number.isNaN(server)) return;
    const offset = Math.round(server - (held ? receivedAt : (sentAt + receivedAt) / 2));
    this.meta.set({ clockOffsetMs: String(offset), clockCheckedAt: new Date(this.now()).toISOString() });
  }

  /** Server time minus device time in milliseconds, or null before the first exchange. */
  offsetMs(): number | null {
    const value = this.meta.get('clockOffsetMs');
    return value === null ? null : Number(value);
  }

  /**
   * For money operations. A device that never reached the server cannot know its skew and
   * works offline as designed; one that knows it is off refuses with a message staff can act on.
   */
  checkForMoney(): Result<void> {
    const offset = this.offsetMs();
    if (offset === null || Math.abs(offset) <= maxClockSkewMs) return ok(undefined);
    const minutes = Math.round(Math.abs(offset) / 60_000);
    const direction = offset > 0 ? 'atrasado' : 'adelantado';
    return err(
      'clock-skew',
      `El reloj de este equipo está ${direction} unos ${minutes} minutos respecto al servidor central. ` +
        'Por seguridad no se registran pagos hasta corregirlo: avise a soporte técnico.',
    );
  }
}
