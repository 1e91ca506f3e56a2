import type { DeviceMeta } from '../device/device-meta';
import type { Logger } from '../logger';
import type { HelloValue } from '../../src-shared/server-api/device-api';
import type { DeviceClock } from '../sync/clock';
import type { LinkOutcome, ServerClient } from './server-client';

export type ConnectionState = 'online' | 'offline' | 'not-enrolled';

/**
 * Says hello to the central server on a timer and on demand, and keeps what the status strip
 * needs: whether the server answers, when it last did (persisted), how much data it holds.
 * Between hellos every other call to the server moves the state too: one that cannot reach it
 * (refused, reset, timed out) means offline at once, one answered with a value means online.
 */
export class ConnectionMonitor {
  private state: ConnectionState = 'offline';
  private timer: NodeJS.Timeout | null = null;
  private inFlight: Promise<ConnectionState> | null = null;
  private readonly backOnline = new Set<() => void>();
  private stopListening: (() => void) | null = null;

  constructor(
    private readonly client: ServerClient,
    private readonly meta: DeviceMeta,
    private readonly log: Logger,
    private readonly intervalMs: number,
    /** Told what the server says this device is, on every answered hello (device-identity.ts). */
    private readonly onIdentity: (hello: HelloValue) => void = () => undefined,
    /** A hello is a short exchange: it measures the device clock against the server's. */
    private readonly clock: Pick<DeviceClock, 'record'> | null = null,
  ) {}

  /** A device whose token the server refused (revoked, or a reset server) must enroll again. */
  current(): ConnectionState {
    if (this.meta.get('deviceToken') === null || this.meta.get('tokenRefusedAt') !== null) return 'not-enrolled';
    return this.state;
  }

  /** Told when the server answers again after it did not: sync then goes at once, not at its next backoff. */
  onBackOnline(listener: () => void): () => void {
    this.backOnline.add(listener);
    return () => this.backOnline.delete(listener);
  }

  start(): void {
    // The hello moves the state itself, after it has recorded what the server said; so does an
    // enrollment, with the hello it sends once the token is saved: moving to online on the
    // enroll call itself would wake sync before there is a token, and it would sleep instead.
    this.stopListening ??= this.client.onLinkOutcome((route, outcome) => {
      if (route !== 'device.hello' && route !== 'device.enroll') this.moveTo(linkState[outcome]);
    });
    void this.check();
    this.timer = setInterval(() => void this.check(), this.intervalMs);
    this.timer.unref();
  }

  /** One hello now; concurrent callers share it. Never rejects: a failure is logged and reads as offline. */
  check(): Promise<ConnectionState> {
    this.inFlight ??= this.hello()
      .catch((error: unknown) => {
        this.log.error({ err: error }, 'could not record the answer of the central server');
        this.moveTo('offline');
        return this.state;
      })
      .finally(() => {
        this.inFlight = null;
      });
    return this.inFlight;
  }

  async stop(): Promise<void> {
    if (this.timer !== null) clearInterval(this.timer);
    this.timer = null;
    this.stopListening?.();
    this.stopListening = null;
    await this.inFlight;
  }

  private async hello(): Promise<ConnectionState> {
    const token = this.meta.get('deviceToken');
    if (token === null) return 'not-enrolled';
    const sentAt = Date.now();
    const answer = await this.client.hello(token);
    if (answer.ok) this.clock?.record(answer.value.serverTime, sentAt, Date.now());
    if (answer.ok) {
      this.onIdentity(answer.value);
      this.meta.delete('tokenRefusedAt');
      this.meta.set({
        lastContactAt: new Date().toISOString(),
        serverSubscribers: String(answer.value.counts.subscribers),
        ...(answer.value.entity === null ? {} : { serverEntity: JSON.stringify(answer.value.entity) }),
      });
    } else {
      if (answer.error.code === 'device-locked') {
        this.meta.set({ tokenRefusedAt: new Date().toISOString() });
        this.log.warn(
          'the central server refused this device token; it may have been revoked, so the device can enroll again',
        );
      }
    }
    this.moveTo(answer.ok ? 'online' : 'offline');
    return this.state;
  }

  /** The one place the state changes: logged, and `onBackOnline` told once per offline → online. */
  private moveTo(next: 'online' | 'offline'): void {
    if (next === this.state) return;
    this.state = next;
    this.log.info(
      { state: next },
      next === 'online' ? 'Conectado al servidor central' : 'Sin conexión con el servidor central',
    );
    if (next === 'online') for (const listener of this.backOnline) listener();
  }
}

const linkState: Record<LinkOutcome, 'online' | 'offline'> = { answered: 'online', unreachable: 'offline' };
