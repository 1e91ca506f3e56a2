import type { ReactNode } from 'react';
import { LockScreen } from './LockScreen';
import { useDeviceLock } from './useDeviceLock';

/** How often a device looks whether it was locked: the Node side refuses every operation anyway. */
const lockPollMs = 3_000;

/**
 * A device the central server refused (revoked) shows only its lock screen, in every mode; the
 * screens behind it are unmounted, so nothing a citizen or cashier typed stays on display.
 */
export function DeviceLockGate({ children }: { readonly children: ReactNode }) {
  const lock = useDeviceLock(lockPollMs);
  if (lock?.locked === true) return <LockScreen state={lock} />;
  return children;
}
