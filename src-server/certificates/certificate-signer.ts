import type { PdfSigner } from '../../src-node/certificates/signing/pdf-signer';
import {
  loadOrCreateSigningIdentity,
  type SigningIdentityConfig,
} from '../../src-node/certificates/signing/signing-identity';
import type { Logger } from '../logger';

/**
 * The chamber's signing identity, opened on the first certificate and kept (docs/certificate-
 * signing.md): the P12 is read and its key parsed once per process. One that cannot be opened
 * fails that purchase — before any money moves — and is tried again on the next.
 */
export function certificateSigner(config: SigningIdentityConfig, log: Logger): () => Promise<PdfSigner> {
  let opened: Promise<PdfSigner> | null = null;
  return () => {
    opened ??= open().catch((error: unknown) => {
      opened = null;
      throw error;
    });
    return opened;
  };

  async function open(): Promise<PdfSigner> {
    const identity = await loadOrCreateSigningIdentity(config);
    if (!identity.ok) {
      log.error({ reason: identity.error.message }, 'certificate signing identity not opened');
      throw new Error(identity.error.message);
    }
    const { signer, origin } = identity.value;
    log.info(
      { origin, commonName: signer.commonName, fingerprint: signer.fingerprintSha256, demo: signer.demo },
      'certificate signing identity opened',
    );
    return signer;
  }
}
