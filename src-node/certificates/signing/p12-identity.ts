import { X509Certificate, createPrivateKey, type KeyObject } from 'node:crypto';
import forge from 'node-forge';
import { err, ok, type Result } from '../../../src-shared/api/result';
import { createPdfSigner, type PdfSigner } from './pdf-signer';

/**
 * Opens a PKCS#12 (.p12/.pfx) file's bytes: the signing key and its certificate chain.
 * node-forge reads the container (node:crypto cannot); the key goes straight to a node:crypto
 * KeyObject and the certificates stay the DER bytes the CA issued. RSA and EC keys are taken.
 * `label` names the file in messages; the passphrase never appears in one.
 */
export function readSigningP12(
  p12: Uint8Array,
  passphrase: string,
  options: { label: string; demo: boolean; now?: Date },
): Result<PdfSigner> {
  const { label } = options;
  const contents = readContents(p12, passphrase, label);
  if (!contents.ok) return contents;
  const { keys, certificates } = contents.value;

  const [key, ...otherKeys] = keys;
  if (key === undefined || otherKeys.length > 0) {
    return err(
      'validation',
      `El archivo ${label} debe tener exactamente una clave privada (tiene ${keys.length}). Exporte el certificado de firma con su clave privada.`,
    );
  }
  if (key.asymmetricKeyType !== 'rsa' && key.asymmetricKeyType !== 'ec') {
    return err(
      'validation',
      `La clave privada de ${label} es de un tipo que no se puede usar para firmar PDF (use RSA o EC).`,
    );
  }
  const signerIndex = certificates.findIndex((der) => matchesKey(der, key));
  const signerCertificate = certificates[signerIndex];
  if (signerCertificate === undefined) {
    return err('validation', `El archivo ${label} no trae el certificado que corresponde a su clave privada.`);
  }
  const now = options.now ?? new Date();
  const certificate = new X509Certificate(signerCertificate);
  if (now < new Date(certificate.validFrom) || now > new Date(certificate.validTo)) {
    return err(
      'validation',
      `El certificado de firma de ${label} no está vigente (válido del ${isoDay(certificate.validFrom)} al ${isoDay(certificate.validTo)}). Configure uno vigente.`,
    );
  }
  const chain = [signerCertificate, ...certificates.filter((der) => !der.equals(signerCertificate))];
  try {
    return ok(createPdfSigner(key, chain, { demo: options.demo }));
  } catch {
    return err(
      'validation',
      `El certificado de firma de ${label} no tiene la forma de un certificado X.509 que se pueda usar.`,
    );
  }
}

/** The P12's private keys (as node:crypto keys) and certificates (DER, each once). */
function readContents(
  p12: Uint8Array,
  passphrase: string,
  label: string,
): Result<{ keys: KeyObject[]; certificates: Buffer[] }> {
  try {
    const bags = openPfx(p12, passphrase).safeContents.flatMap((contents) => contents.safeBags);
    const keys = bags.flatMap((bag) => {
      if (bag.type !== forge.pki.oids.pkcs8ShroudedKeyBag && bag.type !== forge.pki.oids.keyBag) return [];
      // forge parses RSA keys; any other kind it leaves as the PrivateKeyInfo, which node:crypto reads.
      const info = bag.key ? forge.pki.wrapRsaPrivateKey(forge.pki.privateKeyToAsn1(bag.key)) : bag.asn1;
      return [createPrivateKey({ key: derBytes(info), format: 'der', type: 'pkcs8' })];
    });
    const certificates: Buffer[] = [];
    for (const bag of bags) {
      if (bag.type !== forge.pki.oids.certBag) continue;
      // certificateToAsn1 reuses the tbsCertificate forge captured while parsing: the CA's bytes.
      const der = derBytes(bag.cert ? forge.pki.certificateToAsn1(bag.cert) : bag.asn1);
      if (!certificates.some((known) => known.equals(der))) certificates.push(der);
    }
    return ok({ keys, certificates });
  } catch (error) {
    // forge says "Invalid password?" when the MAC fails and "wrong password?" or "Failed to
    // decrypt" when the contents do not open: the same thing to the operator.
    if (error instanceof Error && /password|decrypt/i.test(error.message)) {
      return err(
        'wrong-credentials',
        `La clave del certificado de firma no abre el archivo ${label}. Revise VENTANILLA_CERT_SIGNING_PASSPHRASE; si es la correcta, el archivo está dañado: expórtelo de nuevo.`,
      );
    }
    return err(
      'validation',
      `El archivo ${label} no es un certificado de firma PKCS#12 (.p12/.pfx) válido o está dañado. Expórtelo de nuevo con su clave privada.`,
    );
  }
}

const macFailure = /MAC could not be verified/;

/**
 * forge turns the passphrase into the BMPString the PKCS#12 MAC and old PBE schemes use, but
 * hands it to PBKDF2 (the PBES2 encryption of OpenSSL 3's files) as Latin-1, where OpenSSL
 * uses UTF-8: a passphrase with «ñ» or «á» would open the MAC and not the contents. When the
 * MAC has accepted such a passphrase, the contents are opened again with its UTF-8 bytes and
 * without the MAC, which has already been checked.
 */
function openPfx(p12: Uint8Array, passphrase: string): forge.pkcs12.Pkcs12Pfx {
  const parse = (): forge.asn1.Asn1 => forge.asn1.fromDer(forge.util.createBuffer(Buffer.from(p12).toString('binary')));
  const asn1 = parse();
  try {
    return forge.pkcs12.pkcs12FromAsn1(asn1, false, passphrase);
  } catch (error) {
    const macChecked = Array.isArray(asn1.value) && asn1.value.length === 3;
    const asciiOnly = /^[\x20-\x7e]*$/.test(passphrase);
    // Only a failure to decrypt after the MAC passed; never to get around a MAC it cannot check.
    const decryptFailure = error instanceof Error && /decrypt/i.test(error.message) && !macFailure.test(error.message);
    if (asciiOnly || !macChecked || !decryptFailure) throw error;
    const withoutMac = parse();
    if (Array.isArray(withoutMac.value)) withoutMac.value.pop();
    return forge.pkcs12.pkcs12FromAsn1(withoutMac, false, forge.util.encodeUtf8(passphrase));
  }
}

function derBytes(asn1: forge.asn1.Asn1): Buffer {
  return Buffer.from(forge.asn1.toDer(asn1).getBytes(), 'binary');
}

function matchesKey(der: Buffer, key: KeyObject): boolean {
  try {
    return new X509Certificate(der).checkPrivateKey(key);
  } catch {
    return false;
  }
}

function isoDay(date: string): string {
  return new Date(date).toISOString().slice(0, 10);
}
