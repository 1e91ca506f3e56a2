import { randomBytes } from 'node:crypto';
import { mkdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { err, ok, type Result } from '../../../src-shared/api/result';
import { createDemoSigningP12, demoChamberName } from './demo-signing-p12';
import { readSigningP12 } from './p12-identity';
import type { PdfSigner } from './pdf-signer';

/**
 * Where the chamber's signing identity comes from: its own PKCS#12 file and passphrase
 * (VENTANILLA_CERT_SIGNING_P12 / VENTANILLA_CERT_SIGNING_PASSPHRASE, see
 * docs/certificate-signing.md), or, when none is configured, a demo identity kept under the
 * central server's data dir and made on the first run.
 */
export type SigningIdentityConfig =
  | { readonly p12Path: string; readonly passphrase: string }
  | {
      /** The central server's data dir (ServerConfig.dataDir); the demo lives in `server/certificate-signing/`. */
      readonly dataDir: string;
      /** The demo certificate's O; the demo chamber's name when absent. */
      readonly organization?: string;
    };

/** A signing identity ready to sign, and where it came from (for the start-up log). */
export interface SigningIdentity {
  readonly signer: PdfSigner;
  /** `demo-created`: made by this call; `demo-reused`: made on an earlier run and read back. */
  readonly origin: 'configured' | 'demo-created' | 'demo-reused';
  readonly p12Path: string;
}

export const demoP12File = 'demo-signing.p12';
export const demoPassphraseFile = 'demo-signing.passphrase';
/** The demo certificate alone (public), for an operator who wants a PDF reader to trust it. */
export const demoCertificateFile = 'demo-signing-certificate.pem';

export function demoSigningDir(dataDir: string): string {
  return path.join(dataDir, 'server', 'certificate-signing');
}

/** Opens the configured P12, or the demo identity (making it on the first run). */
export async function loadOrCreateSigningIdentity(
  config: SigningIdentityConfig,
  now: Date = new Date(),
): Promise<Result<SigningIdentity>> {
  if ('p12Path' in config) {
    const p12 = await readP12(config.p12Path);
    if (!p12.ok) return p12;
    const signer = readSigningP12(p12.value, config.passphrase, { label: `«${config.p12Path}»`, demo: false, now });
    return signer.ok ? ok({ signer: signer.value, origin: 'configured', p12Path: config.p12Path }) : signer;
  }
  const dir = demoSigningDir(config.dataDir);
  const created = await createDemoOnce(dir, config.organization ?? demoChamberName, now);
  const p12Path = path.join(dir, demoP12File);
  const p12 = await readP12(p12Path);
  if (!p12.ok) return p12;
  const passphraseFile = path.join(dir, demoPassphraseFile);
  let passphrase: string;
  try {
    passphrase = (await readFile(passphraseFile, 'utf8')).trim();
  } catch (error) {
    if (!isErrno(error, 'ENOENT')) throw error;
    return err(
      'not-found',
      `Falta «${passphraseFile}», la clave del certificado de firma de demostración. Borre la carpeta «${dir}» y el servidor creará uno nuevo al arrancar.`,
    );
  }
  const signer = readSigningP12(p12.value, passphrase, { label: `«${p12Path}» (demostración)`, demo: true, now });
  if (!signer.ok) return signer;
  return ok({ signer: signer.value, origin: created ? 'demo-created' : 'demo-reused', p12Path });
}

async function readP12(p12Path: string): Promise<Result<Buffer>> {
  try {
    return ok(await readFile(p12Path));
  } catch (error) {
    if (isErrno(error, 'ENOENT')) {
      return err(
        'not-found',
        `No existe el archivo del certificado de firma «${p12Path}». Revise VENTANILLA_CERT_SIGNING_P12.`,
      );
    }
    if (isErrno(error, 'EACCES')) {
      return err(
        'forbidden',
        `El servidor no puede leer el certificado de firma «${p12Path}»: revise los permisos del archivo.`,
      );
    }
    throw error;
  }
}

/**
 * Makes the demo identity unless it exists. Written into a private temporary folder and then
 * renamed into place in one step, so two servers starting on one data dir (or two calls at
 * once) end up with the same identity: the loser's rename fails and it reads the winner's.
 * Returns whether this call made it.
 */
async function createDemoOnce(dir: string, organization: string, now: Date): Promise<boolean> {
  try {
    await stat(path.join(dir, demoP12File));
    return false;
  } catch (error) {
    if (!isErrno(error, 'ENOENT')) throw error;
  }
  const parent = path.dirname(dir);
  await mkdir(parent, { recursive: true, mode: 0o700 });
  const staging = path.join(parent, `.certificate-signing-${randomBytes(6).toString('hex')}`);
  await mkdir(staging, { mode: 0o700 });
  try {
    const demo = await createDemoSigningP12({ organization, now });
    // Readable by the server's user only: the passphrase beside the P12 is all that guards the key.
    await writeFile(path.join(staging, demoP12File), demo.p12, { mode: 0o600 });
    await writeFile(path.join(staging, demoPassphraseFile), `${demo.passphrase}\n`, { mode: 0o600 });
    await writeFile(path.join(staging, demoCertificateFile), demo.certificatePem, { mode: 0o644 });
    await rename(staging, dir);
    return true;
  } catch (error) {
    if (isErrno(error, 'ENOTEMPTY') || isErrno(error, 'EEXIST')) return false;
    throw error;
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
}

function isErrno(error: unknown, code: string): boolean {
  return typeof error === 'object' && error !== null && 'code' in error && error.code === code;
}
