import { safeStorage } from 'electron';
import type { Logger } from '../logger';
import { KeyFileStorage } from '../secrets/key-file-storage';
import type { SecretStorage } from '../secrets/secret-storage';

/**
 * The device's secrets sealed by the OS keychain through Electron's safeStorage (DPAPI on
 * Windows, Keychain on macOS, libsecret or KWallet on Linux), in the same key files as the
 * web host's. Call after `app` is ready. Where the OS has no keychain (a Linux kiosk session
 * without a secret service: safeStorage's `basic_text` backend seals with a fixed password),
 * sealing would only pretend, so the files stay plain 0600 and the log says so.
 */
export function safeStorageSecrets(keysDir: string, log: Logger): SecretStorage {
  const backend = process.platform === 'linux' ? safeStorage.getSelectedStorageBackend() : 'os';
  if (!safeStorage.isEncryptionAvailable() || backend === 'basic_text') {
    log.warn({ backend }, 'no OS keychain available: the store key is protected by file permissions only');
    return new KeyFileStorage(keysDir);
  }
  return new KeyFileStorage(keysDir, {
    seal: (plain) => safeStorage.encryptString(plain.toString('base64')),
    open: (sealed) => Buffer.from(safeStorage.decryptString(sealed), 'base64'),
  });
}
