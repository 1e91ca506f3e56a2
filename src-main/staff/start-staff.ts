import type { Slice } from '../api/slice';
import type { DeviceMeta } from '../device/device-meta';
import type { Logger } from '../logger';
import type { Store } from '../store/open-store';
import { StaffAuthorizer } from './staff-authorizer';

/**
 * Staff credentials checked on the device (staff-authorizer.ts): a supervisor's grant for the
 * screens that need one. `authorizer` is for the counter (sign-in, a supervisor's approval).
 */
export function startStaff(deps: {
  readonly store: Store;
  /** Where the server's id of this device is, for a supervisor's diagnostic permission. */
  readonly meta: DeviceMeta;
  readonly pepper: Buffer;
  readonly log: Logger;
}): Slice & { readonly authorizer: StaffAuthorizer } {
  const authorizer = new StaffAuthorizer(deps.store, deps.log, deps.pepper, Date.now, () => deps.meta.get('deviceId'));
  return {
    name: 'staff',
    authorizer,
    handlers: { 'staff.authorize': (input) => authorizer.authorize(input.username, input.password) },
    callers: { 'supervisor-grant': (grantId) => authorizer.resolve(grantId) },
    stop: () => Promise.resolve(),
  };
}
