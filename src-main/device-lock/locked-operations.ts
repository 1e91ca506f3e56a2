import type { OpName } from '../../src-shared/api/contract';
import { err } from '../../src-shared/api/result';
import type { Handlers } from '../api/handler';
import { lockMessages } from './lock-messages';

/**
 * What a locked device still answers: who it is and its state (the lock screen), a
 * supervisor's sign-in and export, and a new enrollment (how it is put back in service).
 */
const servedWhileLocked: ReadonlySet<OpName> = new Set<OpName>([
  'app.info',
  'status.get',
  'device.lockState',
  'device.enroll',
  'staff.authorize',
  'device.exportUnsentEvents',
]);

/** Every other operation answers `device-locked` while `isLocked()`, before its service is called. */
export function refuseWhileLocked(handlers: Handlers, isLocked: () => boolean): Handlers {
  const guarded: Partial<Record<OpName, unknown>> = {};
  for (const [op, handler] of Object.entries(handlers) as [
    OpName,
    (input: unknown, caller: unknown) => Promise<unknown>,
  ][]) {
    guarded[op] = servedWhileLocked.has(op)
      ? handler
      : (input: unknown, caller: unknown) =>
          isLocked() ? Promise.resolve(err('device-locked', lockMessages.refused)) : handler(input, caller);
  }
  // Each entry is its operation's own handler or a wrapper with the same signature.
  return guarded as Handlers;
}
