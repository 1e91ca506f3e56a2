import { onTestFinished } from 'vitest';
import type { PasswordWorkLimits, PasswordWorkObserver } from '../../src-server/accounts/password-work';
import { createEnrollmentCode } from '../../src-server/devices/admin';
import { accountSessionHeader } from '../../src-shared/server-api/accounts-api';
import type { DatabaseVariant } from './postgres';
import { startSmtpSink, type ReceivedMail, type SmtpSink } from './smtp-sink';
import { postJson, startTestServer, type TestServer } from './server-harness';

/**
 * A central server for the account limit tests: mail to a real SMTP server on loopback, and
 * the account routes' scrypt watched (and, when a test says so, held) by `ScryptWatch`.
 */

/** scrypt's lowest cost we accept (N = 2^14): for tests that are not about the cost. */
export const cheapScrypt = { log2N: 14, r: 8, p: 1 } as const;

export const registration = {
  docType: 'CC',
  docNumber: '1.020.304.050',
  firstNames: 'Ana María',
  lastNames: 'Rojas Pérez',
  email: 'ana.rojas@example.com',
  mobile: '310 555 1234',
  landline: '',
  address: 'Calle 10 No. 4-25',
  municipality: 'Ibagué',
  consent: { policyVersion: '2026-01', accepted: true },
};

export const passwordIn = (mail: ReceivedMail | undefined, label: string): string => {
  const match = new RegExp(`${label}\\s*:?\\s*([A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4})`).exec(mail?.parsed.text ?? '');
  if (match?.[1] === undefined) throw new Error(`no «${label}» in the mail: ${mail?.parsed.text ?? '(no mail)'}`);
  return match[1];
};

/** Counts derivations as they take a running slot, per device and in all; can hold them there. */
export class ScryptWatch implements PasswordWorkObserver {
  count = 0;
  running = 0;
  maxRunning = 0;
  private readonly perDevice = new Map<string, number>();
  readonly maxPerDevice = new Map<string, number>();
  private held: Array<() => void> | null = null;

  reset(): void {
    this.count = 0;
    this.maxRunning = this.running;
    this.maxPerDevice.clear();
  }

  /** From now on each derivation waits, in its running slot, until `release()`. */
  hold(): void {
    this.held ??= [];
  }

  release(): void {
    const held = this.held ?? [];
    this.held = null;
    for (const resume of held) resume();
  }

  async started(deviceId: string): Promise<void> {
    this.count += 1;
    this.running += 1;
    this.maxRunning = Math.max(this.maxRunning, this.running);
    const mine = (this.perDevice.get(deviceId) ?? 0) + 1;
    this.perDevice.set(deviceId, mine);
    this.maxPerDevice.set(deviceId, Math.max(this.maxPerDevice.get(deviceId) ?? 0, mine));
    if (this.held !== null) await new Promise<void>((resolve) => this.held?.push(resolve));
  }

  ended(deviceId: string): void {
    this.running -= 1;
    this.perDevice.set(deviceId, (this.perDevice.get(deviceId) ?? 1) - 1);
  }
}

export interface Kiosk {
  readonly token: string;
  readonly deviceId: string;
}

export interface Answer {
  readonly status: number;
  readonly body: unknown;
}

export interface AccountsServer {
  readonly t: TestServer;
  readonly sink: SmtpSink;
  readonly watch: ScryptWatch;
  enroll(count: number): Promise<Kiosk[]>;
  call(kiosk: Kiosk, method: string, path: string, body?: unknown, session?: string): Promise<Answer>;
  /** The `login_throttle` row of `key`. */
  counter(key: string): Promise<{ failures: number } | undefined>;
}

export async function startAccountsServer(
  variant: DatabaseVariant,
  opts: { scrypt?: 'cheap' | 'production'; limits?: Partial<PasswordWorkLimits>; captchaText?: () => string } = {},
): Promise<AccountsServer> {
  const sink = await startSmtpSink();
  const watch = new ScryptWatch();
  const t = await startTestServer(variant, {
    config: { smtpUrl: sink.url },
    captchaText: opts.captchaText,
    serverOptions: {
      passwordWork: {
        params: opts.scrypt === 'production' ? undefined : cheapScrypt,
        limits: opts.limits,
        observer: watch,
      },
    },
  });
  // A failed assertion must not leave checks held: the server's stop waits for them.
  onTestFinished(() => watch.release());
  return {
    t,
    sink,
    watch,
    async enroll(count) {
      const kiosks: Kiosk[] = [];
      for (let i = 0; i < count; i += 1) {
        const { code } = await createEnrollmentCode(t.server.database, {
          deviceName: `Kiosco ${i + 1}`,
          mode: 'kiosk',
        });
        const answer = await t.request('/v1/enroll', postJson({ code }));
        if (answer.status !== 200) throw new Error(`enrollment failed: ${JSON.stringify(answer.body)}`);
        kiosks.push((answer.body as { value: Kiosk }).value);
      }
      return kiosks;
    },
    call(kiosk, method, path, body, session) {
      const headers: Record<string, string> = {
        authorization: `Bearer ${kiosk.token}`,
        ...(session === undefined ? {} : { [accountSessionHeader]: session }),
      };
      return t.request(path, body === undefined ? { method, headers } : { ...postJson(body, headers), method });
    },
    async counter(key) {
      const { rows } = await t.server.database.exec.query<{ failures: number }>(
        'SELECT failures FROM login_throttle WHERE key = $1',
        [key],
      );
      return rows[0];
    },
  };
}

export function valueOf<T>(answer: Answer): T {
  if (answer.status !== 200) throw new Error(`HTTP ${answer.status}: ${JSON.stringify(answer.body)}`);
  return (answer.body as { value: T }).value;
}

/** Polls `probe` until it holds (the states these tests wait on are in memory or one query away). */
export async function until(what: string, probe: () => boolean | Promise<boolean>, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await probe())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

/** Fires all `requests` at once; `answered` fills as each answer arrives, `all` is every answer in order. */
export function burst(requests: ReadonlyArray<() => Promise<Answer>>): { answered: Answer[]; all: Promise<Answer[]> } {
  const answered: Answer[] = [];
  const all = Promise.all(
    requests.map(async (send) => {
      const answer = await send();
      answered.push(answer);
      return answer;
    }),
  );
  return { answered, all };
}

/** Registers `input` from `kiosk` and returns the initial password from the welcome mail. */
export async function registerAndReadPassword(
  server: AccountsServer,
  kiosk: Kiosk,
  input: typeof registration,
): Promise<string> {
  const before = server.sink.received.length;
  valueOf(await server.call(kiosk, 'POST', '/v1/accounts/register', input));
  const mails = await server.sink.waitForMail(before + 1);
  const welcome = mails.slice(before).find((m) => m.rcptTo.includes(input.email.toLowerCase()));
  return passwordIn(welcome, 'Contraseña inicial');
}
