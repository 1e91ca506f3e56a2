import { createPrivateKey, X509Certificate } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { isIP } from 'node:net';
import { isLoopbackHost } from '../src-shared/server-api/loopback-host';
import { ServerConfigError } from './config';

/**
 * How devices reach this server: over TLS it serves itself, through a TLS proxy in front of it,
 * or (loopback only) plain HTTP. Devices refuse plain HTTP to any other machine, and so does
 * this server: it will not listen on a network interface without one of the two.
 */
export interface ServerTransport {
  /** Certificate chain and private key, PEM (VENTANILLA_TLS_CERT, VENTANILLA_TLS_KEY); null: plain HTTP. */
  readonly tls: { readonly cert: Buffer; readonly key: Buffer } | null;
  /**
   * The TLS proxy's addresses or networks (VENTANILLA_BEHIND_PROXY), e.g. `127.0.0.1` or
   * `10.0.0.5,10.0.0.6`: X-Forwarded-For and X-Forwarded-Proto are believed from these and
   * from nowhere else. Null: no proxy, and those headers are ignored.
   */
  readonly trustedProxies: readonly string[] | null;
}

export const plainTransport: ServerTransport = { tls: null, trustedProxies: null };

/** VENTANILLA_TLS_CERT, VENTANILLA_TLS_KEY and VENTANILLA_BEHIND_PROXY; files are read and checked now. */
export function loadServerTransport(env: Record<string, string | undefined>): ServerTransport {
  return {
    tls: loadTls(nonEmpty(env.VENTANILLA_TLS_CERT), nonEmpty(env.VENTANILLA_TLS_KEY)),
    trustedProxies: loadProxies(env.VENTANILLA_BEHIND_PROXY),
  };
}

/**
 * Plain HTTP on a network interface would carry device tokens and citizens' data in clear
 * text; a server listening there needs TLS of its own or a proxy that provides it.
 */
export function assertListenAllowed(host: string, transport: ServerTransport): void {
  if (isLoopbackHost(host) || transport.tls !== null || transport.trustedProxies !== null) return;
  throw new ServerConfigError(
    `El servidor central no escucha en ${host === '' ? 'todas las interfaces' : host} sin cifrado: los dispositivos enviarían sus tokens y los datos de los ciudadanos en claro. ` +
      'Configure VENTANILLA_TLS_CERT y VENTANILLA_TLS_KEY, o ponga el servidor detrás de un proxy TLS y diga su dirección en VENTANILLA_BEHIND_PROXY (docs/transport.md), ' +
      'o deje VENTANILLA_SERVER_HOST en 127.0.0.1.',
  );
}

function loadTls(certFile: string | undefined, keyFile: string | undefined): ServerTransport['tls'] {
  if (certFile === undefined && keyFile === undefined) return null;
  if (certFile === undefined || keyFile === undefined) {
    throw new ServerConfigError(
      'VENTANILLA_TLS_CERT y VENTANILLA_TLS_KEY van juntas: el certificado del servidor (PEM) y su clave privada.',
    );
  }
  const cert = readPem(certFile, 'VENTANILLA_TLS_CERT');
  const key = readPem(keyFile, 'VENTANILLA_TLS_KEY');
  let certificate: X509Certificate;
  try {
    certificate = new X509Certificate(cert);
  } catch {
    throw new ServerConfigError(`VENTANILLA_TLS_CERT (${certFile}) no es un certificado PEM.`);
  }
  let privateKey;
  try {
    privateKey = createPrivateKey(key);
  } catch {
    // Never echo the file: it is the server's private key.
    throw new ServerConfigError(`VENTANILLA_TLS_KEY (${keyFile}) no es una clave privada PEM sin contraseña.`);
  }
  if (!certificate.checkPrivateKey(privateKey)) {
    throw new ServerConfigError(
      `La clave de VENTANILLA_TLS_KEY (${keyFile}) no corresponde al certificado de VENTANILLA_TLS_CERT (${certFile}).`,
    );
  }
  return { cert, key };
}

function readPem(file: string, setting: string): Buffer {
  try {
    return readFileSync(file);
  } catch {
    throw new ServerConfigError(`${setting} apunta a «${file}», que no se puede leer.`);
  }
}

/**
 * Addresses, not a yes/no: with `1` or `true` Fastify would believe X-Forwarded-For from
 * whoever connects, and any client could claim to be 127.0.0.1 (the loopback-only pages).
 */
function loadProxies(value: string | undefined): readonly string[] | null {
  const text = nonEmpty(value);
  if (text === undefined) return null;
  const entries = text.split(',').map((entry) => entry.trim());
  for (const entry of entries) {
    const [address = '', prefix, ...rest] = entry.split('/');
    const family = isIP(address);
    const maxPrefix = family === 4 ? 32 : 128;
    const prefixOk = prefix === undefined || (/^\d{1,3}$/.test(prefix) && Number(prefix) <= maxPrefix);
    if (family === 0 || !prefixOk || rest.length > 0) {
      throw new ServerConfigError(
        `VENTANILLA_BEHIND_PROXY debe ser la dirección IP del proxy TLS (p. ej. 127.0.0.1, o 10.0.0.5,10.0.0.6, o 10.0.0.0/24), no «${entry}»: ` +
          'solo de esas direcciones se creen las cabeceras X-Forwarded-For.',
      );
    }
  }
  return entries;
}

function nonEmpty(value: string | undefined): string | undefined {
  const trimmed = value?.trim();
  return trimmed === undefined || trimmed === '' ? undefined : trimmed;
}
