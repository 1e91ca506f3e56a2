import type { Store } from '../store/open-store';

/** What a wipe removed, for the audit log (counts only: never the data). */
export interface WipeCounts {
  readonly subscribers: number;
  readonly bills: number;
  readonly payments: number;
  readonly staffUsers: number;
  readonly billAccessLocks: number;
  readonly printJobs: number;
  readonly sentEvents: number;
}

/**
 * Removes the citizens' personal data a revoked device holds, in one transaction with the fact
 * that it was done (`personalDataWipedAt`) and its audit entry:
 *
 * - the replica: subscribers, bills, payments (the server has them all);
 * - staff accounts, but the supervisors', whose password (not PIN) lets one export the unsent
 *   events from the lock screen;
 * - bill access locks (códigos internos), print jobs (bills and receipts carry names) except
 *   one the printer is taking right now, and outbox events the server already accepted;
 * - the sync cursor, so a device enrolled again downloads its replica from scratch.
 *
 * Kept: events the server has not accepted (pending, parked, discarded) and the counter's own
 * money records (cash sessions, payments taken, receipt series), the entity settings and the
 * audit log. `secure_delete` zeroes the deleted rows' bytes in the pages, and a checkpoint
 * takes the old pages out of the WAL, so not even the store's key brings them back.
 */
export function wipePersonalData(store: Store, at: string): WipeCounts {
  const { sqlite } = store;
  const run = (statement: string): number => sqlite.prepare(statement).run().changes;
  sqlite.pragma('secure_delete = ON');
  try {
    const wipe = sqlite.transaction((): WipeCounts => {
      const counts: WipeCounts = {
        subscribers: run('DELETE FROM subscribers'),
        bills: run('DELETE FROM bills'),
        payments: run('DELETE FROM payments'),
        staffUsers: run("DELETE FROM staff_users WHERE role <> 'supervisor'"),
        billAccessLocks: run('DELETE FROM bill_access_locks'),
        printJobs: run("DELETE FROM print_jobs WHERE state <> 'printing'"),
        sentEvents: run("DELETE FROM outbox WHERE state = 'sent'"),
      };
      run('UPDATE staff_users SET pin_hash = NULL');
      run("DELETE FROM device_meta WHERE key IN ('syncCursor', 'lastPullAt', 'caughtUpAt', 'syncError')");
      sqlite
        .prepare(
          `INSERT INTO device_meta (key, value) VALUES ('personalDataWipedAt', ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value`,
        )
        .run(at);
      sqlite
        .prepare(
          `INSERT INTO audit_log (at, action, actor, details) VALUES (?, 'device.personal_data_wiped', 'system', ?)`,
        )
        .run(at, JSON.stringify(counts));
      return counts;
    });
    const counts = wipe.immediate();
    sqlite.pragma('wal_checkpoint(TRUNCATE)');
    return counts;
  } finally {
    sqlite.pragma('secure_delete = OFF');
  }
}
