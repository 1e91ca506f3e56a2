import { err, ok, type Result } from '../../src-shared/api/result';
import { defaultScryptParams, hashPassword, verifyPassword, type ScryptParams } from '../staff/password-hash';

/**
 * The scrypt work of the account routes, bounded. One derivation at OWASP's parameters holds
 * 128 MiB and a CPU for most of a second, and any enrolled device may ask for one: a kiosk
 * token copied from a lobby must not be able to pin the server. So:
 *
 * - a device has at most `perDevice` requests doing password work at once; a third is
 *   answered `locked` at once («intente en unos segundos»), before it is counted anywhere;
 * - at most `running` derivations run at once on this server (libuv's four threads), the rest
 *   wait their turn;
 * - at most `admitted` requests are in, running or waiting; beyond that the answer is `locked`
 *   too, so a flood from many devices queues nothing unbounded.
 *
 * A request is admitted before it reserves a login attempt (login-throttle.ts) and released when
 * it answers; its derivations run one after another, each taking a running slot.
 */
export interface PasswordWorkLimits {
  readonly perDevice: number;
  readonly running: number;
  readonly admitted: number;
}

export const defaultPasswordWorkLimits: PasswordWorkLimits = { perDevice: 2, running: 4, admitted: 32 };

/**
 * Told when a derivation takes its running slot and when it ends: how tests count what reached
 * scrypt. `started` may hold the derivation (a test holds it to see what else gets in meanwhile).
 */
export interface PasswordWorkObserver {
  started(deviceId: string): void | Promise<void>;
  ended(deviceId: string): void;
}

export interface PasswordWorkOptions {
  /** Cheaper hashes for tests that are not about their cost; the product uses OWASP's. */
  readonly params?: ScryptParams;
  readonly limits?: Partial<PasswordWorkLimits>;
  readonly observer?: PasswordWorkObserver;
}

/** One admitted request's right to derive; `release()` when it answers (idempotent). */
export interface Admission {
  hash(password: string): Promise<string>;
  /** False for a wrong password and for a stored hash that is not one of ours. */
  verify(password: string, encoded: string): Promise<boolean>;
  /** The work of a wrong password, for a document without an account: the same time either way. */
  verifyNothing(password: string): Promise<void>;
  release(): void;
}

export const deviceBusyMessage = 'Este equipo ya tiene otra solicitud en curso. Intente en unos segundos.';
export const serverBusyMessage =
  'El servidor central está atendiendo muchas solicitudes en este momento. Intente en unos segundos.';

export class PasswordWork {
  private readonly limits: PasswordWorkLimits;
  private readonly params: ScryptParams;
  private readonly perDevice = new Map<string, number>();
  private admitted = 0;
  private running = 0;
  private readonly waiting: Array<() => void> = [];
  private dummy: Promise<string> | null = null;

  constructor(private readonly options: PasswordWorkOptions = {}) {
    this.limits = { ...defaultPasswordWorkLimits, ...options.limits };
    this.params = options.params ?? defaultScryptParams;
  }

  /** Lets `deviceId` in, or says why not (a Spanish `locked` the kiosk shows as it is). */
  admit(deviceId: string): Result<Admission> {
    const mine = this.perDevice.get(deviceId) ?? 0;
    if (mine >= this.limits.perDevice) return err('locked', deviceBusyMessage);
    if (this.admitted >= this.limits.admitted) return err('locked', serverBusyMessage);
    this.perDevice.set(deviceId, mine + 1);
    this.admitted += 1;
    let released = false;
    const derive = <T>(work: () => Promise<T>) => this.derive(deviceId, work);
    return ok({
      hash: (password) => derive(() => hashPassword(password, { params: this.params })),
      verify: (password, encoded) => derive(() => verifyPassword(password, encoded).catch(() => false)),
      verifyNothing: async (password) => {
        this.dummy ??= derive(() => hashPassword('ventanilla-no-account', { params: this.params }));
        const dummy = await this.dummy;
        await derive(() => verifyPassword(password, dummy).catch(() => false));
      },
      release: () => {
        if (released) return;
        released = true;
        this.admitted -= 1;
        const left = (this.perDevice.get(deviceId) ?? 1) - 1;
        if (left <= 0) this.perDevice.delete(deviceId);
        else this.perDevice.set(deviceId, left);
      },
    });
  }

  /** Runs one derivation when a running slot is free. */
  private async derive<T>(deviceId: string, work: () => Promise<T>): Promise<T> {
    if (this.running >= this.limits.running) await new Promise<void>((resolve) => this.waiting.push(resolve));
    else this.running += 1;
    try {
      await this.options.observer?.started(deviceId);
      return await work();
    } finally {
      this.options.observer?.ended(deviceId);
      // The slot passes straight to the next in line, so `running` never overshoots.
      const next = this.waiting.shift();
      if (next === undefined) this.running -= 1;
      else next();
    }
  }
}
