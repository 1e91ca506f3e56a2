/**
 * Where a device keeps its secrets: outside the database they protect, so a copy of the store
 * alone opens nothing (docs/security-at-rest.md). Two kinds exist: key files in a private
 * folder beside the data (key-file-storage.ts; the web host and tests), and the same files
 * sealed by the operating system's keychain through Electron's safeStorage
 * (electron/safe-storage-secrets.ts).
 */
export interface SecretStorage {
  /** How the secrets are protected at rest; said in the log and in docs/security-at-rest.md. */
  readonly protection: SecretProtection;
  /** The stored value, or null when it was never stored. Throws SecretStorageError when it cannot be read. */
  read(name: SecretName): Buffer | null;
  /** Stores the value durably, replacing any previous one in one step (a crash leaves the old or the new). */
  write(name: SecretName, value: Buffer): void;
  /**
   * Stores the value only if none is stored, durably, and returns what is stored afterwards:
   * this value, or the one another process stored first.
   */
  create(name: SecretName, value: Buffer): Buffer;
  /** Forgets the value; nothing happens when none is stored. */
  remove(name: SecretName): void;
}

/** `os-keychain`: sealed by the OS (DPAPI, Keychain, libsecret); `key-file`: file permissions only. */
export type SecretProtection = 'os-keychain' | 'key-file';

/**
 * The device's secrets: `device-master` (random, 256 bits; every key of the device is derived
 * from it, see device-secrets.ts) and `device-token` (what the central server knows this
 * device by).
 */
export const secretNames = ['device-master', 'device-token'] as const;
export type SecretName = (typeof secretNames)[number];

/** A secret that exists but cannot be read here. The message is Spanish, for IT staff. */
export class SecretStorageError extends Error {
  override readonly name = 'SecretStorageError';
}
