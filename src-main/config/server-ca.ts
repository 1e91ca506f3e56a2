import { X509Certificate } from 'node:crypto';
import { readFileSync } from 'node:fs';

const pemCertificate = /-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g;

/**
 * VENTANILLA_SERVER_CA: the PEM file of the certificate authority a private deployment signs
 * its central server's certificate with. Read once at start-up, so a wrong path or a wrong
 * file stops the device with a clear reason instead of failing every sync later.
 * Returns the PEM text, or the Spanish reason it cannot be used.
 */
export function readServerCa(file: string): { readonly pem: string } | { readonly problem: string } {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return {
      problem: `VENTANILLA_SERVER_CA apunta a «${file}», que no se puede leer. Debe ser el archivo PEM de la autoridad certificadora del servidor central.`,
    };
  }
  // Only the CA's certificate belongs on a device; its private key would let anyone with the
  // device's disk sign a server the fleet trusts.
  if (/-----BEGIN [A-Z ]*PRIVATE KEY-----/.test(text)) {
    return {
      problem: `El archivo ${file} (VENTANILLA_SERVER_CA) contiene una clave privada. En los equipos va solo el certificado de la autoridad certificadora; retire la clave de ese archivo.`,
    };
  }
  const certificates = text.match(pemCertificate) ?? [];
  if (certificates.length === 0) {
    return {
      problem: `El archivo ${file} (VENTANILLA_SERVER_CA) no contiene ningún certificado PEM («-----BEGIN CERTIFICATE-----»).`,
    };
  }
  for (const certificate of certificates) {
    try {
      new X509Certificate(certificate);
    } catch {
      return { problem: `El archivo ${file} (VENTANILLA_SERVER_CA) tiene un certificado dañado o incompleto.` };
    }
  }
  return { pem: certificates.join('\n') };
}
