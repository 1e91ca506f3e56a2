import { createHash, sign, type KeyObject } from 'node:crypto';
import {
  bytesOf,
  children,
  derNull,
  octetString,
  oid,
  readElement,
  sequence,
  setOf,
  smallInteger,
  tag,
  tlv,
} from './der';

const oids = {
  signedData: '1.2.840.113549.1.7.2',
  data: '1.2.840.113549.1.7.1',
  sha256: '2.16.840.1.101.3.4.2.1',
  rsaEncryption: '1.2.840.113549.1.1.1',
  ecdsaWithSha256: '1.2.840.10045.4.3.2',
  contentType: '1.2.840.113549.1.9.3',
  messageDigest: '1.2.840.113549.1.9.4',
  /** ESS signing-certificate-v2 (RFC 5035): binds the signature to the signer's certificate. */
  signingCertificateV2: '1.2.840.113549.1.9.16.2.47',
} as const;

/** The issuer Name and serialNumber INTEGER of a certificate, as the exact bytes it holds. */
export function issuerAndSerial(certificateDer: Buffer): { issuer: Buffer; serialNumber: Buffer } {
  const certificate = readElement(certificateDer, 0);
  const [tbs] = children(certificateDer, certificate);
  if (tbs === undefined) throw new Error('certificate without tbsCertificate');
  const fields = children(certificateDer, tbs);
  // version [0] EXPLICIT is absent in v1 certificates; then come serial, signature, issuer.
  const first = fields[0]?.tag === tag.context0 ? 1 : 0;
  const serialNumber = fields[first];
  const issuer = fields[first + 2];
  if (serialNumber?.tag !== tag.integer || issuer?.tag !== tag.sequence) {
    throw new Error('certificate fields are not where X.509 puts them');
  }
  return { issuer: bytesOf(certificateDer, issuer), serialNumber: bytesOf(certificateDer, serialNumber) };
}

function signatureAlgorithm(key: KeyObject): Buffer {
  if (key.asymmetricKeyType === 'rsa') return sequence(oid(oids.rsaEncryption), derNull());
  if (key.asymmetricKeyType === 'ec') return sequence(oid(oids.ecdsaWithSha256));
  throw new Error(`cannot sign with a ${String(key.asymmetricKeyType)} key`);
}

const attribute = (type: string, value: Buffer): Buffer => sequence(oid(type), setOf(value));

/**
 * A CMS SignedData over `content`, detached (the PDF's signed byte ranges are not inside it),
 * as PAdES baseline B-B wants for SubFilter ETSI.CAdES.detached (ETSI EN 319 142-1 §6.3):
 * signed attributes content-type, message-digest (SHA-256) and signing-certificate-v2, and no
 * signing-time attribute (the time goes in the signature dictionary's /M). RSA PKCS#1 v1.5 or
 * ECDSA, made by node:crypto. `chain` starts with the signer's certificate; the rest (its CAs) ride
 * along so a reader can build the path to a root it trusts.
 */
export function cadesDetachedSignature(content: Uint8Array, key: KeyObject, chain: readonly Buffer[]): Buffer {
  const [signerCertificate] = chain;
  if (signerCertificate === undefined) throw new Error('a signature needs the signer certificate');
  const { issuer, serialNumber } = issuerAndSerial(signerCertificate);
  const sha256 = sequence(oid(oids.sha256));
  const essCertIdV2 = sequence(
    // hashAlgorithm is omitted: its DEFAULT is SHA-256.
    octetString(createHash('sha256').update(signerCertificate).digest()),
    sequence(sequence(tlv(tag.context4, issuer)), serialNumber),
  );
  const signedAttributes = setOf(
    attribute(oids.contentType, oid(oids.data)),
    attribute(oids.messageDigest, octetString(createHash('sha256').update(content).digest())),
    attribute(oids.signingCertificateV2, sequence(sequence(essCertIdV2))),
  );
  // The signature covers the attributes encoded as a SET; in the SignerInfo they are [0] IMPLICIT.
  const signature = sign('sha256', signedAttributes, key);
  const signedAttributesField = Buffer.concat([Buffer.from([tag.context0]), signedAttributes.subarray(1)]);
  const signerInfo = sequence(
    smallInteger(1),
    sequence(issuer, serialNumber),
    sha256,
    signedAttributesField,
    signatureAlgorithm(key),
    octetString(signature),
  );
  const signedData = sequence(
    smallInteger(1),
    setOf(sha256),
    sequence(oid(oids.data)),
    tlv(tag.context0, ...chain),
    setOf(signerInfo),
  );
  return sequence(oid(oids.signedData), tlv(tag.context0, signedData));
}
