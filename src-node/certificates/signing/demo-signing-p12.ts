import { generateKeyPair, randomBytes } from 'node:crypto';
import { promisify } from 'node:util';
import forge from 'node-forge';

/** The organisation of the demo identity when the configuration names no chamber. */
export const demoChamberName = 'Cámara de Comercio de Demostración';

/** What a PDF reader shows as the signer of a demo certificate: it must say DEMO. */
export const demoSignerCommonName = 'Cámara de Comercio de Demostración — firma de certificados (DEMO)';

const validityYears = 3;
/**
 * The tag of a name's value: forge reads `valueTagClass` as the value's asn1.Type (UTF8String
 * for «Cámara», not its default PrintableString), though @types/node-forge calls it a Class.
 */
const utf8String = forge.asn1.Type.UTF8 as number as forge.asn1.Class;
/** A reader whose clock is a little behind must not see a certificate from the future. */
const backdateMs = 60 * 60 * 1000;

/**
 * A self-signed RSA 3072 signing certificate for a demo chamber, as a PKCS#12 file with a
 * random passphrase. The key is made by node:crypto (native, well under a second); forge
 * writes the certificate and the container, which node:crypto cannot. keyUsage
 * digitalSignature + nonRepudiation, as a document-signing certificate from a CA has.
 */
export async function createDemoSigningP12(options: {
  organization: string;
  now: Date;
}): Promise<{ p12: Buffer; passphrase: string; certificatePem: string }> {
  const { publicKey, privateKey } = await promisify(generateKeyPair)('rsa', { modulusLength: 3072 });
  const forgeKey = forge.pki.privateKeyFromPem(privateKey.export({ type: 'pkcs8', format: 'pem' }).toString());

  const certificate = forge.pki.createCertificate();
  certificate.publicKey = forge.pki.publicKeyFromPem(publicKey.export({ type: 'spki', format: 'pem' }).toString());
  // A positive 127-bit serial: random, as CAs must make them (CA/B Baseline Requirements §7.1).
  const serial = randomBytes(16);
  serial[0] = (serial[0] ?? 0) & 0x7f;
  certificate.serialNumber = serial.toString('hex');
  certificate.validity.notBefore = new Date(options.now.getTime() - backdateMs);
  const notAfter = new Date(options.now);
  notAfter.setUTCFullYear(notAfter.getUTCFullYear() + validityYears);
  certificate.validity.notAfter = notAfter;
  const name = [
    { shortName: 'CN', value: demoSignerCommonName, valueTagClass: utf8String },
    { shortName: 'O', value: options.organization, valueTagClass: utf8String },
    { shortName: 'C', value: 'CO' },
  ];
  certificate.setSubject(name);
  certificate.setIssuer(name);
  certificate.setExtensions([
    { name: 'basicConstraints', cA: false, critical: true },
    { name: 'keyUsage', digitalSignature: true, nonRepudiation: true, critical: true },
    { name: 'subjectKeyIdentifier' },
  ]);
  certificate.sign(forgeKey, forge.md.sha256.create());

  const passphrase = randomBytes(24).toString('base64url');
  const p12 = forge.pkcs12.toPkcs12Asn1(forgeKey, [certificate], passphrase, {
    algorithm: 'aes256',
    friendlyName: 'ventanilla-demo-signing',
    generateLocalKeyId: true,
  });
  return {
    p12: Buffer.from(forge.asn1.toDer(p12).getBytes(), 'binary'),
    passphrase,
    certificatePem: forge.pki.certificateToPem(certificate),
  };
}
