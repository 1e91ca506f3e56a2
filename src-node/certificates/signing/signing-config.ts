import path from 'node:path';
import { err, ok, type Result } from '../../../src-shared/api/result';
import type { SigningIdentityConfig } from './signing-identity';

/**
 * The signing identity's settings from the environment, for the central server's
 * loadServerConfig (the only place that reads it): VENTANILLA_CERT_SIGNING_P12 and
 * VENTANILLA_CERT_SIGNING_PASSPHRASE, both or neither. Neither: the demo identity under the
 * data dir. A passphrase without a file is refused rather than read as «use the demo»: a
 * chamber that mistyped the file's variable must not go on signing as DEMO without noticing.
 */
export function loadSigningConfig(
  env: Record<string, string | undefined>,
  defaults: { dataDir: string; organization?: string },
): Result<SigningIdentityConfig> {
  const p12Path = env.VENTANILLA_CERT_SIGNING_P12?.trim() ?? '';
  // The passphrase is taken as it is: spaces may be part of it. Unset and empty differ.
  const passphrase = env.VENTANILLA_CERT_SIGNING_PASSPHRASE;
  if (p12Path === '') {
    if (passphrase !== undefined && passphrase !== '') {
      return err(
        'validation',
        'Hay VENTANILLA_CERT_SIGNING_PASSPHRASE pero falta VENTANILLA_CERT_SIGNING_P12, la ruta del archivo .p12 del certificado de firma.',
        'VENTANILLA_CERT_SIGNING_P12',
      );
    }
    return ok(
      defaults.organization === undefined
        ? { dataDir: defaults.dataDir }
        : { dataDir: defaults.dataDir, organization: defaults.organization },
    );
  }
  if (passphrase === undefined) {
    return err(
      'validation',
      'Falta VENTANILLA_CERT_SIGNING_PASSPHRASE, la clave del certificado de firma de VENTANILLA_CERT_SIGNING_P12 (vacía si el archivo no tiene clave).',
      'VENTANILLA_CERT_SIGNING_PASSPHRASE',
    );
  }
  return ok({ p12Path: path.resolve(p12Path), passphrase });
}
