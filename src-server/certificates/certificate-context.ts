import { err, ok, type ApiError, type Result } from '../../src-shared/api/result';
import type { Matricula } from '../../src-shared/certificates/matricula';
import type { PdfSigner } from '../../src-node/certificates/signing/pdf-signer';
import type { SqlExecutor } from '../db/sql-executor';
import type { AuthenticatedDevice } from '../devices/auth';
import type { WalletContext } from '../wallet/wallet-context';
import type { CertificateConfig } from './certificate-config';

/** What the certificate services need from the running server. */
export interface CertificateContext extends WalletContext {
  readonly certificates: CertificateConfig;
  /** The chamber's signing identity, opened once at start (or made, the demo one). */
  readonly signer: () => Promise<PdfSigner>;
  readonly registry: RegistryLookup;
}

/** The chamber's registry as the certificate services read it (registry-lookup.ts). */
export interface RegistryLookup {
  /** One entry by its matrícula number; null when there is none. */
  byNumber(exec: SqlExecutor, number: string): Promise<Matricula | null>;
  /**
   * Entries by NIT (with or without DV), matrícula number or name; `more` when the list was cut;
   * `refusal` for a query that cannot be looked up (a NIT whose DV is wrong).
   */
  search(
    exec: SqlExecutor,
    query: string,
    limit: number,
  ): Promise<{ entries: Matricula[]; more: boolean; refusal: ApiError | null }>;
}

/** Certificates come out of a kiosk's dispenser: counters and field laptops do not sell them. */
export function certificateDevice(device: AuthenticatedDevice): Result<AuthenticatedDevice> {
  return device.mode === 'kiosk'
    ? ok(device)
    : err('forbidden', 'Los certificados se compran en un kiosco con dispensador. Acérquese a uno.');
}

/** The public verification page's address: the QR and the header of every copy point there. */
export const verificationPath = '/verificar';
