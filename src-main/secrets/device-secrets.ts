import { hkdfSync, randomBytes } from 'node:crypto';
import type { SecretProtection, SecretStorage } from './secret-storage';

/**
 * What a derived secret is for. Each purpose gets its own key from the master secret (HKDF
 * with the purpose as `info`), so one leaking says nothing of the others or of the master.
 * Add a purpose here before deriving for it; never reuse one for something else.
 */
export const secretPurposes = [
  /** Pepper of the staff password and PIN hashes kept on the device (src-node/staff-credentials.ts). */
  'staff-credentials',
] as const;
export type SecretPurpose = (typeof secretPurposes)[number];

const masterBytes = 32;
const derivedBytes = 32;
/** Fixed HKDF salt: domain separation from any other use of the same bytes. */
const salt = Buffer.from('ventanilla device secrets v1', 'utf8');
/** The database key's label lies outside `SecretPurpose`: only the store asks for it. */
const databaseKeyLabel = 'sqlcipher-database-key';

/**
 * The device's secrets over a SecretStorage: a random 256-bit master secret from which the
 * database key and every purpose-specific secret are derived (HKDF-SHA256), and the device
 * token, which lives here rather than in the database. Read once and kept in memory: the
 * token is asked for on every request to the server.
 */
export class DeviceSecrets {
  private master: Buffer | null = null;
  private tokenCache: { readonly value: string | null } | null = null;

  constructor(private readonly storage: SecretStorage) {}

  get protection(): SecretProtection {
    return this.storage.protection;
  }

  /** The database key, or null while no master secret exists (never creates one). */
  existingDatabaseKey(): Buffer | null {
    const master = this.loadMaster();
    return master === null ? null : hkdf(master, databaseKeyLabel);
  }

  /**
   * The database key, creating the master secret first if there is none. The master is on disk
   * (fsynced) before this returns, so no file is ever encrypted with a key that a crash loses.
   */
  databaseKey(): Buffer {
    return hkdf(this.loadMaster() ?? this.createMaster(), databaseKeyLabel);
  }

  /** A secret for one purpose, 32 bytes, the same on every call on this device. */
  derive(purpose: SecretPurpose): Buffer {
    const master = this.loadMaster();
    if (master === null) throw new Error('device secrets: no master secret yet (the store creates it when it opens)');
    return hkdf(master, `purpose:${purpose}`);
  }

  /** The token the central server knows this device by; null before enrollment. Never log it. */
  token(): string | null {
    this.tokenCache ??= { value: this.storage.read('device-token')?.toString('utf8') ?? null };
    return this.tokenCache.value;
  }

  setToken(token: string): void {
    this.storage.write('device-token', Buffer.from(token, 'utf8'));
    this.tokenCache = { value: token };
  }

  clearToken(): void {
    this.storage.remove('device-token');
    this.tokenCache = { value: null };
  }

  private loadMaster(): Buffer | null {
    this.master ??= this.storage.read('device-master');
    return this.master;
  }

  private createMaster(): Buffer {
    this.master = this.storage.create('device-master', randomBytes(masterBytes));
    return this.master;
  }
}

function hkdf(master: Buffer, label: string): Buffer {
  return Buffer.from(hkdfSync('sha256', master, salt, Buffer.from(`ventanilla/${label}`, 'utf8'), derivedBytes));
}
