import type { OpOutput } from '../../src-shared/api/contract';
import type { DeviceLockState } from '../../src-shared/api/ops/device-lock';
import { err, ok, type Result } from '../../src-shared/api/result';
import { moneyEventKinds } from '../../src-shared/sync/event-permissions';
import type { StaffGrant } from '../api/callers';
import type { DeviceMeta } from '../device/device-meta';
import type { Logger } from '../logger';
import type { Store } from '../store/open-store';
import { exportUnsentEvents } from './event-export';
import { lockMessages } from './lock-messages';
import { wipePersonalData } from './personal-data-wipe';

export interface DeviceLockOptions {
  readonly store: Store;
  readonly meta: DeviceMeta;
  /** `<dataDir>/exports`: where supervisors' exports go. */
  readonly exportsDir: string;
  readonly log: Logger;
  readonly now?: () => Date;
}

/**
 * A device whose token the central server refuses (revoked: docs/security-at-rest.md) locks
 * itself. The 401 itself is heard by the connection monitor, the puller or the pusher, which
 * write `tokenRefusedAt`; from then on:
 *
 * 1. Every citizen and cashier operation is refused with `device-locked` (locked-operations.ts)
 *    and the renderer shows the lock screen.
 * 2. The replica's personal data are wiped (personal-data-wipe.ts), once per refusal, at the
 *    refusal or at the next start if the app stopped first.
 * 3. Events the server never accepted stay, encrypted with the store; a supervisor exports
 *    them for the office from the lock screen (event-export.ts).
 *
 * The lock lifts only when the server accepts the device again: a new enrollment, or a token
 * the server accepts after all (a hello answered), which also clears `tokenRefusedAt`.
 */
export class DeviceLock {
  private readonly now: () => Date;

  constructor(private readonly options: DeviceLockOptions) {
    this.now = options.now ?? (() => new Date());
  }

  /**
   * Brings the lock's facts in line with `tokenRefusedAt` (which every 401 writes again): locks
   * at the first refusal and wipes once per lock; lifts when the refusal was cleared.
   */
  enforce(): void {
    const { meta, log } = this.options;
    const refusedAt = meta.get('tokenRefusedAt');
    const lockedAt = meta.get('lockedAt');
    if (refusedAt === null) {
      if (lockedAt !== null) {
        meta.delete('lockedAt');
        log.info('the central server accepts this device again: lock lifted');
      }
      return;
    }
    const since = lockedAt ?? refusedAt;
    if (lockedAt === null) meta.set({ lockedAt: since });
    const wipedAt = meta.get('personalDataWipedAt');
    if (wipedAt !== null && wipedAt >= since) return;
    try {
      const counts = wipePersonalData(this.options.store, this.now().toISOString());
      log.warn({ removed: counts }, 'the central server refused this device: personal data wiped, device locked');
    } catch (error) {
      // The next enforce (every lock-state poll, every start) tries again.
      log.error({ err: error }, 'could not wipe personal data of a locked device');
    }
  }

  isLocked(): boolean {
    return this.options.meta.get('tokenRefusedAt') !== null;
  }

  state(): DeviceLockState {
    this.enforce();
    const { meta, store } = this.options;
    const kinds = moneyEventKinds.map(() => '?').join(', ');
    const counts = store.sqlite
      .prepare(
        `SELECT count(*) AS events, count(CASE WHEN type IN (${kinds}) THEN 1 END) AS money FROM outbox WHERE state IN ('pending', 'parked')`,
      )
      .get(...moneyEventKinds) as { events: number; money: number };
    return {
      locked: this.isLocked(),
      since: meta.get('lockedAt') ?? meta.get('tokenRefusedAt'),
      personalDataWipedAt: meta.get('personalDataWipedAt'),
      unsentEvents: counts.events,
      unsentMoneyEvents: counts.money,
      lastExportAt: meta.get('eventsExportedAt'),
      // Counters and field devices keep their supervisors' accounts; kiosks hold none.
      canExport:
        store.sqlite
          .prepare(`SELECT count(*) FROM staff_users WHERE role = 'supervisor' AND active = 1`)
          .pluck()
          .get() !== 0,
    };
  }

  /** A supervisor's export of the unsent events (their grant checked by the dispatcher); only while locked (otherwise sync sends them). */
  exportUnsentEvents(supervisor: StaffGrant): Result<OpOutput<'device.exportUnsentEvents'>> {
    if (!this.isLocked()) return err('conflict', lockMessages.notLocked);
    const exported = exportUnsentEvents(
      this.options.store,
      this.options.meta,
      this.options.exportsDir,
      supervisor.username,
      this.now(),
    );
    if (exported.ok)
      this.options.log.info(
        { events: exported.value.events, supervisor: supervisor.username },
        'unsent events exported',
      );
    return exported.ok ? ok(exported.value) : exported;
  }
}
