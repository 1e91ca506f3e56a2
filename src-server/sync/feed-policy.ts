import type { DeviceMode } from '../../src-shared/domain/device-mode';
import type { ReplicatedTable } from '../../src-shared/server-api/sync-api';

/**
 * What each kind of device may hold of the change feed: the least
 * data that serves what it does offline. A kiosk in a public lobby prints bills and shows
 * payment history without the server, so it needs subscribers (name and address are on the
 * printed bill), bills, payments and settings — but no staff accounts (it has no staff
 * functions) and no payment references (a bank's or counter's reference says nothing a
 * citizen needs). Counters and field devices also hold the cashiers and supervisors, whose
 * credentials they check offline; never other roles. docs/trust-model.md ("What each device holds") says why.
 */
export interface FeedPolicy {
  readonly tables: readonly ReplicatedTable[];
  /** Staff rows of other roles are sent as deletions, so a role change takes a row away. */
  readonly staffRoles: readonly string[];
  /** Send payments without their reference. */
  readonly hidePaymentReferences: boolean;
}

const citizenData: readonly ReplicatedTable[] = ['subscribers', 'bills', 'payments', 'settings'];

export const feedPolicies: Readonly<Record<DeviceMode, FeedPolicy>> = {
  kiosk: { tables: citizenData, staffRoles: [], hidePaymentReferences: true },
  cashier: {
    tables: [...citizenData, 'staff_users'],
    staffRoles: ['cajero', 'supervisor'],
    hidePaymentReferences: false,
  },
  field: {
    tables: [...citizenData, 'staff_users'],
    staffRoles: ['cajero', 'supervisor'],
    hidePaymentReferences: false,
  },
};

/**
 * Columns of a payment no device needs (who took it is the server's business). The change
 * feed's writers leave them out when they write a payment (migration 0026 names the same
 * columns; tests/integration/sync/feed-policy.test.ts checks every writer), and the snapshot
 * reader leaves them out of a first download.
 */
export const serverOnlyPaymentColumns = ['device_id', 'cash_session_id', 'cashier', 'voided_at'] as const;
