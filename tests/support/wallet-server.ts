import type { DeviceMode } from '../../src-shared/domain/device-mode';
import type { HolderData } from '../../src-shared/wallet/holder-fields';
import { runInTransaction } from '../../src-server/db/transaction';
import { createEnrollmentCode } from '../../src-server/devices/admin';
import { applyLiquidationPayment } from '../../src-server/wallet/apply-payment';
import { hashClave } from '../../src-server/wallet/clave';
import { defaultWalletConfig, type WalletConfig } from '../../src-server/wallet/wallet-config';
import { cheapScrypt } from './accounts-server';
import type { DatabaseVariant } from './postgres';
import { postJson, startTestServer, type Cleanup, type TestServer } from './server-harness';

/**
 * A central server for the citizen wallet tests: cheap scrypt, the wallet mailer off (the tests
 * issue claves themselves and read mail from the outbox), a clock the test moves, and devices
 * of any mode enrolled on it.
 */
export interface Device {
  readonly token: string;
  readonly deviceId: string;
}

export interface Answer {
  readonly status: number;
  readonly body: unknown;
}

export interface WalletServer {
  readonly t: TestServer;
  readonly config: WalletConfig;
  /** The server's clock: starts at the real time; `advance` moves it. */
  now(): Date;
  advance(ms: number): void;
  enroll(mode: DeviceMode, name?: string): Promise<Device>;
  call(device: Device | null, method: string, path: string, body?: unknown): Promise<Answer>;
  /** Pays a liquidación through the one money path (as a channel would) and issues `clave` to its holder. */
  pay(liquidationId: string, amount: number, clave?: string): Promise<void>;
  /** The outbox's mails to `recipient`, oldest first. */
  mails(recipient: string): Promise<{ template: string; text: string }[]>;
  query<R extends Record<string, unknown>>(sql: string, params?: unknown[]): Promise<R[]>;
}

export const newHolder = {
  identity: {
    personKind: 'natural',
    firstSurname: 'Apellido',
    secondSurname: 'Segundo',
    firstName: 'Nombre',
    secondName: '',
  },
  contact: {
    email: 'cliente@ejemplo.co',
    mobile: '3000000002',
    landline: '6082610101',
    address: 'Calle 10 N 3-76',
    municipality: 'Ibagué',
  },
} as const;

export async function startWalletServer(
  variant: DatabaseVariant,
  wallet: Partial<WalletConfig> = {},
  cleanup?: Cleanup,
): Promise<WalletServer> {
  let offset = 0;
  const now = () => new Date(Date.now() + offset);
  const config: WalletConfig = {
    ...defaultWalletConfig({ eventsSecret: 'e'.repeat(32), integritySecret: 'i'.repeat(32) }),
    ...wallet,
  };
  const t = await startTestServer(variant, {
    config: { wallet: config },
    serverOptions: { passwordWork: { params: cheapScrypt }, now, walletMailer: { enabled: false } },
    cleanup,
  });
  const exec = t.server.database.exec;
  let enrolled = 0;
  return {
    t,
    config,
    now,
    advance: (ms) => {
      offset += ms;
    },
    async enroll(mode, name) {
      enrolled += 1;
      const { code } = await createEnrollmentCode(t.server.database, {
        deviceName: name ?? `Equipo ${enrolled}`,
        mode,
      });
      const answer = await t.request('/v1/enroll', postJson({ code }));
      if (answer.status !== 200) throw new Error(`enrollment failed: ${JSON.stringify(answer.body)}`);
      return (answer.body as { value: Device }).value;
    },
    async call(device, method, path, body) {
      const headers: Record<string, string> = device === null ? {} : { authorization: `Bearer ${device.token}` };
      const answer = await t.request(
        path,
        body === undefined ? { method, headers } : { ...postJson(body, headers), method },
      );
      return { status: answer.status, body: answer.body };
    },
    async pay(liquidationId, amount, clave) {
      await runInTransaction(exec, async (tx) => {
        const paid = await applyLiquidationPayment(tx, {
          liquidationId,
          channel: 'bank',
          sourceKey: `bank:test-${liquidationId}-${String(amount)}`,
          amount,
          source: { kind: 'bank-clearing', ownerRef: '0023' },
          at: now(),
        });
        if (!paid.ok) throw new Error(paid.error.message);
      });
      if (clave === undefined) return;
      const { rows } = await exec.query<{ client: HolderData }>('SELECT client FROM liquidations WHERE id = $1', [
        liquidationId,
      ]);
      const client = rows[0]?.client;
      if (client === undefined) throw new Error('no such liquidación');
      await exec.query('UPDATE wallet_holders SET clave_hash = $3 WHERE doc_type = $1 AND doc_number = $2', [
        client.docType,
        client.docNumber,
        await hashClave(clave, cheapScrypt),
      ]);
    },
    async mails(recipient) {
      const { rows } = await exec.query<{ template: string; text: string }>(
        'SELECT template, text FROM mail_outbox WHERE recipient = $1 ORDER BY created_at, id',
        [recipient],
      );
      return rows;
    },
    async query(sql, params) {
      return (await exec.query(sql, params)).rows as never;
    },
  };
}

/** The `value` of an ok answer; fails the test with the answer otherwise. */
export function valueOf<T>(answer: Answer): T {
  const body = answer.body as { ok?: boolean; value?: T };
  if (answer.status !== 200 || body.ok !== true) throw new Error(`expected ok, got ${JSON.stringify(answer)}`);
  return body.value as T;
}
