import { readFileSync } from 'node:fs';
import {
  defaultCertificateCatalogue,
  parseCertificateCatalogue,
  type CertificateCatalogue,
} from '../../src-shared/certificates/certificate-catalogue';
import { loadSigningConfig } from '../../src-node/certificates/signing/signing-config';
import type { SigningIdentityConfig } from '../../src-node/certificates/signing/signing-identity';

/**
 * The chamber's certificates (docs/certificates.md), from the environment: who issues them, what
 * is on sale at what price (a catalogue file with validity dates, docs/registry.md), how they
 * are signed. Without settings: the demo chamber, the default catalogue, a demo signing identity
 * made under the data dir on the first run.
 */
export interface CertificateConfig {
  readonly chamber: {
    /** VENTANILLA_CHAMBER_NAME. */
    readonly name: string;
    /** The registry's two-digit chamber code (VENTANILLA_CHAMBER_CODE). */
    readonly code: string;
    /** VENTANILLA_CHAMBER_CITY: the seat printed after the signature. */
    readonly city: string;
    /** VENTANILLA_CHAMBER_SECRETARY: whose mechanical signature closes a certificate. */
    readonly secretaryName: string;
  };
  /** VENTANILLA_CERTIFICATE_CATALOGUE: a JSON file; the built-in 2025–2026 catalogue when absent. */
  readonly catalogue: CertificateCatalogue;
  /** VENTANILLA_CERT_SIGNING_P12 and VENTANILLA_CERT_SIGNING_PASSPHRASE, or the demo identity. */
  readonly signing: SigningIdentityConfig;
  /** Copies one purchase may take. */
  readonly maxCopies: number;
}

export const demoChamber: CertificateConfig['chamber'] = {
  name: 'Cámara de Comercio de Demostración',
  code: '99',
  city: 'Ibagué',
  secretaryName: 'María Fernanda Rojas Quintero',
};

export function loadCertificateConfig(
  env: Record<string, string | undefined>,
  dataDir: string,
): CertificateConfig | { problem: string } {
  const text = (name: string, fallback: string): string => env[name]?.trim() || fallback;
  const chamber = {
    name: text('VENTANILLA_CHAMBER_NAME', demoChamber.name),
    code: text('VENTANILLA_CHAMBER_CODE', demoChamber.code),
    city: text('VENTANILLA_CHAMBER_CITY', demoChamber.city),
    secretaryName: text('VENTANILLA_CHAMBER_SECRETARY', demoChamber.secretaryName),
  };
  if (!/^\d{2}$/.test(chamber.code))
    return { problem: 'VENTANILLA_CHAMBER_CODE debe ser el código de dos dígitos de la cámara (por ejemplo 32).' };

  let catalogue = defaultCertificateCatalogue;
  const cataloguePath = env.VENTANILLA_CERTIFICATE_CATALOGUE?.trim();
  if (cataloguePath) {
    let json: unknown;
    try {
      json = JSON.parse(readFileSync(cataloguePath, 'utf8'));
    } catch (error) {
      return {
        problem: `No se pudo leer el catálogo de certificados «${cataloguePath}» (VENTANILLA_CERTIFICATE_CATALOGUE): ${(error as Error).message}`,
      };
    }
    const parsed = parseCertificateCatalogue(json);
    if (!parsed.ok) return { problem: `El catálogo de certificados «${cataloguePath}»: ${parsed.error.message}` };
    catalogue = parsed.value;
  }

  const signing = loadSigningConfig(env, { dataDir, organization: chamber.name });
  if (!signing.ok) return { problem: signing.error.message };
  return { chamber, catalogue, signing: signing.value, maxCopies: 5 };
}
