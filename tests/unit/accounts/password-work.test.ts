import { describe, expect, it } from 'vitest';
import {
  deviceBusyMessage,
  PasswordWork,
  serverBusyMessage,
  type Admission,
  type PasswordWorkObserver,
} from '../../../src-server/accounts/password-work';

/** scrypt's lowest accepted cost: these tests are about who gets in, not about the hash. */
const cheap = { log2N: 14, r: 8, p: 1 } as const;

const admitted = (work: PasswordWork, deviceId: string): Admission => {
  const admission = work.admit(deviceId);
  if (!admission.ok) throw new Error(admission.error.message);
  return admission.value;
};

describe('password work admission', () => {
  it('admits two requests per device at once; a third waits for one to answer, other devices are not held back', () => {
    const work = new PasswordWork({ params: cheap });
    const first = admitted(work, 'kiosco-a');
    admitted(work, 'kiosco-a');
    expect(work.admit('kiosco-a')).toEqual({ ok: false, error: { code: 'locked', message: deviceBusyMessage } });
    admitted(work, 'kiosco-b');
    first.release();
    first.release();
    admitted(work, 'kiosco-a');
    // Releasing twice freed one place, not two.
    expect(work.admit('kiosco-a').ok).toBe(false);
  });

  it('turns requests away once the server has its bound in, running or waiting', () => {
    const work = new PasswordWork({ params: cheap, limits: { admitted: 2 } });
    const a = admitted(work, 'a');
    admitted(work, 'b');
    expect(work.admit('c')).toEqual({ ok: false, error: { code: 'locked', message: serverBusyMessage } });
    a.release();
    expect(work.admit('c').ok).toBe(true);
  });

  it('runs at most `running` derivations at once; the others wait their turn and all finish', async () => {
    let running = 0;
    let maxRunning = 0;
    const held: Array<() => void> = [];
    const observer: PasswordWorkObserver = {
      started: () => {
        running += 1;
        maxRunning = Math.max(maxRunning, running);
        return new Promise<void>((resolve) => held.push(resolve));
      },
      ended: () => {
        running -= 1;
      },
    };
    const work = new PasswordWork({ params: cheap, limits: { running: 2 }, observer });
    const hashes = ['a', 'b', 'c'].map((device) => admitted(work, device).hash('el río magdalena'));
    await until(() => held.length === 2);
    expect(running).toBe(2);
    while (held.length > 0 || running > 0) {
      held.shift()?.();
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    const done = await Promise.all(hashes);
    expect(done.every((h) => h.startsWith('scrypt$14$8$1$'))).toBe(true);
    expect(maxRunning).toBe(2);
  });

  it('checks a password against its hash, and a malformed stored hash is simply no match', async () => {
    const work = new PasswordWork({ params: cheap });
    const admission = admitted(work, 'a');
    const hash = await admission.hash('el río magdalena');
    expect(await admission.verify('el río magdalena', hash)).toBe(true);
    expect(await admission.verify('el rio magdalena', hash)).toBe(false);
    expect(await admission.verify('el río magdalena', 'no-es-un-hash')).toBe(false);
    await expect(admission.verifyNothing('lo que sea')).resolves.toBeUndefined();
  });
});

async function until(probe: () => boolean): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (!probe()) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}
