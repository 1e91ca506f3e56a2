/**
 * Demo staff accounts, one or more per role. Their passwords are published in README.md on
 * purpose: they exist so a newcomer can log in to the counter and the staff console. Names
 * are synthetic.
 */
import { demoStaffHash } from './demo-hash-cache';
import { bogotaEpochMs, bogotaTimestamp, epochDay, type IsoDate } from './calendar';
import { Rng, streams } from './random';
import type { StaffRole, StaffUserRow } from './rows';
import { uuidV7 } from './uuid-v7';

export interface DemoStaffAccount {
  readonly username: string;
  readonly password: string;
  /** The counter's quick sign-in, for cashiers: 6 to 8 digits. */
  readonly pin?: string;
  readonly fullName: string;
  readonly role: StaffRole;
}

export const demoStaffAccounts: readonly DemoStaffAccount[] = [
  {
    username: 'cajero1',
    password: 'Cajero1.Demo',
    pin: '482615',
    fullName: 'MARTHA LUCÍA OYOLA PRADA',
    role: 'cajero',
  },
  {
    username: 'cajero2',
    password: 'Cajero2.Demo',
    pin: '739108',
    fullName: 'JHON FREDY TAPIERO LOZANO',
    role: 'cajero',
  },
  {
    username: 'supervisor1',
    password: 'Supervisor1.Demo',
    pin: '517342',
    fullName: 'GLORIA INÉS BOCANEGRA RUIZ',
    role: 'supervisor',
  },
  { username: 'soporte1', password: 'Soporte1.Demo', fullName: 'ANDRÉS FELIPE DEVIA CASTRO', role: 'soporte' },
  { username: 'soporte2', password: 'Soporte2.Demo', fullName: 'LINA MARCELA GUZMÁN ORTIZ', role: 'soporte' },
  { username: 'admin', password: 'Admin.Demo', fullName: 'CLAUDIA PATRICIA MONTEALEGRE VARGAS', role: 'admin' },
];

function saltFrom(rng: Rng): Buffer {
  const salt = Buffer.alloc(32);
  for (let i = 0; i < 32; i += 4) salt.writeUInt32BE(rng.nextUint32(), i);
  return salt;
}

/** A demo account's row and its approval key (kept by the server only, never replicated). */
export interface DemoStaffSecret {
  readonly row: StaffUserRow;
  readonly approvalKey: Buffer;
}

/**
 * The accounts as rows, created at 08:00 on `createdOn`. Salts and ids come from the seed so
 * the rows are reproducible. Each hash costs a few hundred milliseconds of CPU at OWASP
 * parameters; they run on libuv's thread pool two at a time, overlapping with the bulk load
 * without starving it on a two-core machine (all five at once did).
 */
export async function demoStaffRows(seed: number, createdOn: IsoDate): Promise<StaffUserRow[]> {
  return (await demoStaffSecrets(seed, createdOn)).map((secret) => secret.row);
}

/**
 * Hashes already made in this process, by seed and day: the same inputs give the same rows, and
 * a test file that seeds many servers pays for the scrypt runs once.
 */
const made = new Map<string, Promise<DemoStaffSecret[]>>();

/** The rows with each account's approval key (src-node/staff-credentials.ts). */
export function demoStaffSecrets(seed: number, createdOn: IsoDate): Promise<DemoStaffSecret[]> {
  const key = `${seed}|${createdOn}`;
  let secrets = made.get(key);
  if (secrets === undefined) {
    secrets = makeStaffSecrets(seed, createdOn);
    made.set(key, secrets);
    secrets.catch(() => made.delete(key));
  }
  return secrets;
}

async function makeStaffSecrets(seed: number, createdOn: IsoDate): Promise<DemoStaffSecret[]> {
  const second = 8 * 3600;
  const row = async (account: DemoStaffAccount, i: number): Promise<DemoStaffSecret> => {
    const rng = Rng.derive(seed, streams.staff, i);
    const salt = saltFrom(rng);
    const id = uuidV7(bogotaEpochMs(epochDay(createdOn), second), rng);
    const password = await demoStaffHash(account.password, salt);
    const pin = account.pin === undefined ? null : await demoStaffHash(account.pin, saltFrom(rng));
    return {
      row: {
        id,
        username: account.username,
        fullName: account.fullName,
        role: account.role,
        passwordHash: password.hash,
        pinHash: pin?.hash ?? null,
        active: true,
        createdAt: bogotaTimestamp(createdOn, second),
      },
      approvalKey: password.approvalKey,
    };
  };
  const rows: DemoStaffSecret[] = new Array<DemoStaffSecret>(demoStaffAccounts.length);
  let next = 0;
  const lane = async (): Promise<void> => {
    for (let i = next++; i < demoStaffAccounts.length; i = next++) {
      const account = demoStaffAccounts[i];
      if (account) rows[i] = await row(account, i);
    }
  };
  await Promise.all([lane(), lane()]);
  return rows;
}
