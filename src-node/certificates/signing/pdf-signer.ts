import { X509Certificate, type KeyObject } from 'node:crypto';
import { cadesDetachedSignature } from './cades-signature';

/**
 * The chamber's signing identity, parsed once (key and certificates) and then used for every
 * certificate PDF: signing a purchase's PDF costs one SHA-256 and one native RSA signature.
 * The private key never leaves this object; nothing here is safe to log but the public facts.
 */
export interface PdfSigner {
  /** The signer certificate's subject CN: what a PDF reader shows as who signed. */
  readonly commonName: string;
  /** The subject's O, when the certificate has one. */
  readonly organization: string | null;
  /** SHA-256 of the signer certificate, `AB:CD:…` (as openssl and node:crypto print it). */
  readonly fingerprintSha256: string;
  readonly validFrom: Date;
  readonly validTo: Date;
  /** True for the self-signed demo identity made on the first run, never for a configured P12. */
  readonly demo: boolean;
  /** Bytes to reserve in the PDF for a signature of this identity (they never change per document). */
  readonly signatureLength: number;
  /** A detached CAdES signature (CMS SignedData, DER) over `content`. */
  signDetached(content: Uint8Array): Buffer;
}

/** Room for the CMS wrapping beyond what a first trial signature measured; never needed in practice. */
const signatureLengthMargin = 256;

/** `chain` holds DER certificates, the one that matches `key` first. */
export function createPdfSigner(key: KeyObject, chain: readonly Buffer[], options: { demo: boolean }): PdfSigner {
  const [signerDer] = chain;
  if (signerDer === undefined) throw new Error('a signer needs its certificate');
  const certificate = new X509Certificate(signerDer);
  const subject = parseSubject(certificate.subject);
  const signDetached = (content: Uint8Array): Buffer => cadesDetachedSignature(content, key, chain);
  return {
    commonName: subject.get('CN') ?? certificate.subject,
    organization: subject.get('O') ?? null,
    fingerprintSha256: certificate.fingerprint256,
    validFrom: new Date(certificate.validFrom),
    validTo: new Date(certificate.validTo),
    demo: options.demo,
    signatureLength: signDetached(new Uint8Array()).length + signatureLengthMargin,
    signDetached,
  };
}

/**
 * node:crypto prints the subject one `KEY=value` per line, escaping a value that holds a
 * newline or a quote as a JSON string; the CN and O we need never hold newlines.
 */
function parseSubject(subject: string): Map<string, string> {
  const fields = new Map<string, string>();
  for (const line of subject.split('\n')) {
    const at = line.indexOf('=');
    if (at <= 0) continue;
    const name = line.slice(0, at);
    const raw = line.slice(at + 1);
    if (!fields.has(name)) fields.set(name, unquote(raw));
  }
  return fields;
}

function unquote(raw: string): string {
  if (!raw.startsWith('"')) return raw;
  try {
    const value: unknown = JSON.parse(raw);
    return typeof value === 'string' ? value : raw;
  } catch {
    return raw;
  }
}
