import { ok } from '../../src-shared/api/result';
import type { Slice } from '../api/slice';
import type { DeviceMeta } from '../device/device-meta';
import type { Logger } from '../logger';
import type { Store } from '../store/open-store';
import { DeviceLock } from './device-lock';

export interface DeviceLockDeps {
  readonly store: Store;
  readonly meta: DeviceMeta;
  /** `<dataDir>/exports`: where supervisors' exports go. */
  readonly exportsDir: string;
  readonly log: Logger;
}

/**
 * A device the central server refuses locks itself (device-lock.ts): on the refusal, and at
 * start-up if it stopped before the wipe. `lock` is for the app core's guard on the other
 * features' operations (locked-operations.ts) and for enrollment.
 */
export function startDeviceLock(deps: DeviceLockDeps): Slice & { readonly lock: DeviceLock } {
  const lock = new DeviceLock(deps);
  deps.meta.onTokenRefusalChanged(() => lock.enforce());
  lock.enforce();
  return {
    name: 'device-lock',
    lock,
    handlers: {
      'device.lockState': () => Promise.resolve(ok(lock.state())),
      'device.exportUnsentEvents': (_input, supervisor) => Promise.resolve(lock.exportUnsentEvents(supervisor)),
    },
    stop: () => Promise.resolve(),
  };
}
