import type { DeviceMode } from '../../src-shared/domain/device-mode';
import { pepperStaffHash } from '../../src-node/staff-credentials';
import type { Store } from '../store/open-store';
import type { ReplicaTableSpec } from './replica-tables';

/** The staff roles a counter or field device checks offline; a kiosk holds none. */
export const replicatedStaffRoles: readonly string[] = ['cajero', 'supervisor'];

/** device_meta's mark that a kiosk's replica holds no payment references (set once). */
const referencesClearedKey = 'replica.kiosk_references_cleared';

/**
 * What this device keeps of what the server sends (docs/trust-model.md). The server
 * already sends each mode only its share (src-server/sync/feed-policy.ts); the device applies
 * the same rule again, so a replica never holds more than its mode needs even if a server of
 * an older version sends more, and it peppers staff hashes with its own secret before they
 * touch the disk (src-node/staff-credentials.ts).
 */
export class ReplicaPolicy {
  constructor(
    private readonly mode: () => DeviceMode,
    private readonly pepper: Buffer,
  ) {}

  /** The row to store, or null to store nothing (and delete what the device had under its key). */
  adapt(table: string, row: Record<string, unknown>): Record<string, unknown> | null {
    if (table === 'staff_users') {
      if (!this.holdsStaff() || typeof row.role !== 'string' || !replicatedStaffRoles.includes(row.role)) return null;
      return {
        ...row,
        password_hash: this.peppered(row.password_hash),
        pin_hash: row.pin_hash === null ? null : this.peppered(row.pin_hash),
      };
    }
    if (table === 'payments' && this.mode() === 'kiosk' && row.reference !== null && row.reference !== undefined)
      return { ...row, reference: null };
    return row;
  }

  /**
   * `adapt` for a row given as values in `spec.columns` order (a snapshot part): an object is
   * built only for the rows a rule changes, so a million bills go through untouched.
   */
  adaptValues(spec: ReplicaTableSpec, values: readonly unknown[]): readonly unknown[] | null {
    if (spec.name !== 'staff_users' && !(spec.name === 'payments' && this.mode() === 'kiosk')) return values;
    const adapted = this.adapt(spec.name, Object.fromEntries(spec.columns.map(([column], i) => [column, values[i]])));
    return adapted === null ? null : spec.columns.map(([column]) => adapted[column]);
  }

  /**
   * Brings a replica written under another rule up to this one, once at start-up: a kiosk
   * upgraded from a version that replicated staff and references drops them; a counter's
   * plain hashes are peppered.
   */
  enforce(store: Store): void {
    const run = store.sqlite.transaction(() => {
      if (!this.holdsStaff()) {
        store.sqlite.prepare('DELETE FROM staff_users').run();
      } else {
        const roles = replicatedStaffRoles.map(() => '?').join(', ');
        store.sqlite.prepare(`DELETE FROM staff_users WHERE role NOT IN (${roles})`).run(...replicatedStaffRoles);
        const plain = store.sqlite
          .prepare(
            `SELECT id, password_hash, pin_hash FROM staff_users WHERE password_hash NOT LIKE 'scrypt-hmac$%' OR pin_hash NOT LIKE 'scrypt-hmac$%'`,
          )
          .all() as {
          id: string;
          password_hash: string;
          pin_hash: string | null;
        }[];
        const update = store.sqlite.prepare('UPDATE staff_users SET password_hash = ?, pin_hash = ? WHERE id = ?');
        for (const row of plain)
          update.run(
            this.peppered(row.password_hash),
            row.pin_hash === null ? null : this.peppered(row.pin_hash),
            row.id,
          );
      }
      this.clearReferencesOnce(store);
    });
    run.immediate();
  }

  /**
   * A kiosk's payments lose their references once: scanning a replica of millions of payments on
   * every start would cost a kiosk seconds after each power cut, and `adapt` keeps new rows
   * without them. The mark goes whenever the device is not a kiosk, so a store that was a
   * counter's in between is cleared again.
   */
  private clearReferencesOnce(store: Store): void {
    if (this.mode() !== 'kiosk') {
      store.sqlite.prepare('DELETE FROM device_meta WHERE key = ?').run(referencesClearedKey);
      return;
    }
    if (store.sqlite.prepare('SELECT 1 FROM device_meta WHERE key = ?').get(referencesClearedKey) !== undefined) return;
    store.sqlite.prepare('UPDATE payments SET reference = NULL WHERE reference IS NOT NULL').run();
    store.sqlite.prepare("INSERT INTO device_meta (key, value) VALUES (?, '1')").run(referencesClearedKey);
  }

  private holdsStaff(): boolean {
    return this.mode() !== 'kiosk';
  }

  private peppered(hash: unknown): string {
    if (typeof hash !== 'string') throw new TypeError('staff hash is not text');
    return pepperStaffHash(hash, this.pepper);
  }
}
