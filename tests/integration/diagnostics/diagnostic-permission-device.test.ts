import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { staffUsers } from '../../../db/local/schema';
import { createRootLogger } from '../../../src-main/logger';
import { StaffAuthorizer } from '../../../src-main/staff/staff-authorizer';
import type { Store } from '../../../src-main/store/open-store';
import { diagnosticRequestMessage } from '../../../src-shared/sync/approval';
import { approvalMatches, verifyStaffSecret } from '../../../src-node/staff-credentials';
import { openReplicaStore, replicaNow } from '../../support/replica-store';
import { testStaffPepper } from '../../support/staff-pepper';
import { tempDir } from '../../support/temp-dir';

/**
 * A supervisor's grant on a counter or field laptop carries, in memory, their permission to
 * send a diagnostic (staff-authorizer.ts): signed with their approval key for this device
 * until the grant ends, so the central server can tell who asked. Not for a cashier, not
 * before the device is enrolled, and gone with the grant.
 */
let dir: ReturnType<typeof tempDir>;
let store: Store;

beforeAll(async () => {
  dir = tempDir('diagnostic-permission');
  store = await openReplicaStore(dir.path, { subscribers: 5, staffPepper: testStaffPepper });
});
afterAll(() => {
  store.close();
  dir.remove();
});

async function keyOf(username: string, password: string): Promise<Buffer> {
  const user = store.db.select().from(staffUsers).where(eq(staffUsers.username, username)).get();
  const checked = await verifyStaffSecret(password, user?.passwordHash ?? '', testStaffPepper);
  if (checked.approvalKey === null) throw new Error(`fixture: ${username}'s password does not match`);
  return checked.approvalKey;
}

it('signs a supervisor’s grant for this device until it ends; nothing for a cashier, before enrollment, or after', async () => {
  let clock = replicaNow.getTime();
  let deviceId: string | null = 'device-caja-1';
  const staff = new StaffAuthorizer(
    store,
    createRootLogger('silent'),
    testStaffPepper,
    () => clock,
    () => deviceId,
  );

  const supervisor = await staff.authorize('supervisor1', 'Supervisor1.Demo');
  if (!supervisor.ok) throw new Error(supervisor.error.message);
  const permission = staff.diagnosticPermission(supervisor.value.grantId);
  expect(permission).toEqual({ until: supervisor.value.expiresAt, proof: expect.any(String) });
  const key = await keyOf('supervisor1', 'Supervisor1.Demo');
  const signed = (device: string) =>
    diagnosticRequestMessage({ deviceId: device, staff: 'supervisor1', until: permission?.until ?? '' });
  expect(approvalMatches(key, signed('device-caja-1'), permission?.proof ?? '')).toBe(true);
  // Bound to this device: the same proof is no permission on another.
  expect(approvalMatches(key, signed('device-caja-2'), permission?.proof ?? '')).toBe(false);
  // The grant the screen holds carries none of it.
  expect(JSON.stringify(supervisor.value)).not.toContain(permission?.proof);

  const cashier = await staff.authorize('cajero1', 'Cajero1.Demo');
  if (!cashier.ok) throw new Error(cashier.error.message);
  expect(staff.diagnosticPermission(cashier.value.grantId)).toBeNull();

  staff.revoke(supervisor.value.grantId);
  expect(staff.diagnosticPermission(supervisor.value.grantId)).toBeNull();

  const later = await staff.authorize('supervisor1', 'Supervisor1.Demo');
  if (!later.ok) throw new Error(later.error.message);
  clock = Date.parse(later.value.expiresAt);
  expect(staff.diagnosticPermission(later.value.grantId)).toBeNull();

  deviceId = null;
  const unenrolled = await staff.authorize('supervisor1', 'Supervisor1.Demo');
  if (!unenrolled.ok) throw new Error(unenrolled.error.message);
  expect(staff.diagnosticPermission(unenrolled.value.grantId)).toBeNull();
});
