import { Agent, fetch as undiciFetch } from 'undici';

/** The slice of fetch the server client uses; tests and the client see no undici types. */
export type ServerFetch = (
  url: string,
  init: { method: string; headers: Record<string, string>; body: string | Uint8Array | null; signal: AbortSignal },
) => Promise<{ readonly ok: boolean; readonly status: number; text(): Promise<string> }>;

/**
 * The device's HTTP(S) client of the central server. It is undici's own `fetch` with undici's
 * own `Agent` (never Node's bundled fetch with an npm Agent: the two undici copies do not share
 * a dispatcher interface across majors). With `ca`, the certificates that PEM holds are the only
 * authorities trusted for the server: a private deployment's own CA, without touching the
 * machine's store or NODE_EXTRA_CA_CERTS (which a packaged Electron ignores, see its fuses).
 */
export function createServerFetch(ca: string | null): ServerFetch {
  const dispatcher = new Agent(ca === null ? {} : { connect: { ca } });
  return (url, init) => undiciFetch(url, { ...init, dispatcher });
}

/**
 * OpenSSL's verification failures, as Node reports them in `error.code`: the server's
 * certificate is not one this device can trust.
 */
const untrustedCodes = new Set([
  'UNABLE_TO_GET_ISSUER_CERT',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'CERT_SIGNATURE_FAILURE',
  'CERT_UNTRUSTED',
  'CERT_REJECTED',
  'INVALID_CA',
  'CERT_CHAIN_TOO_LONG',
  'PATH_LENGTH_EXCEEDED',
  'INVALID_PURPOSE',
  'CERT_REVOKED',
  'UNABLE_TO_DECRYPT_CERT_SIGNATURE',
  'UNABLE_TO_DECODE_ISSUER_PUBLIC_KEY',
]);
const datedCodes = new Set([
  'CERT_HAS_EXPIRED',
  'CERT_NOT_YET_VALID',
  'ERROR_IN_CERT_NOT_BEFORE_FIELD',
  'ERROR_IN_CERT_NOT_AFTER_FIELD',
]);

const nothingSent = 'No se envió nada al servidor.';
const callSupport = 'Avise a soporte técnico';

/**
 * The Spanish explanation of a failed connection that is a TLS problem, for staff and the sync
 * panel; null for ordinary network trouble (server down, cable out), which stays `offline`.
 * A TLS problem does not fix itself by waiting, so it must not read as "sin conexión".
 */
export function tlsFailureMessage(error: unknown): string | null {
  const code = errorCodeIn(error);
  if (code === null) return null;
  if (untrustedCodes.has(code)) {
    return (
      `El certificado del servidor central no es de confianza para este equipo. ${nothingSent} ` +
      `Si la entidad usa su propia autoridad certificadora, configure VENTANILLA_SERVER_CA con ella; si no, avise a soporte técnico (${code}).`
    );
  }
  if (datedCodes.has(code)) {
    return `El certificado del servidor central está vencido o aún no es válido; revise también la fecha y hora de este equipo. ${nothingSent} ${callSupport} (${code}).`;
  }
  if (code === 'ERR_TLS_CERT_ALTNAME_INVALID') {
    return `El certificado del servidor central no corresponde a la dirección configurada en VENTANILLA_SERVER_URL. ${nothingSent} ${callSupport} (${code}).`;
  }
  if (code.startsWith('ERR_SSL_') || code.startsWith('ERR_TLS_') || code === 'EPROTO') {
    return `No se pudo establecer una conexión segura (HTTPS) con el servidor central; revise que VENTANILLA_SERVER_URL sea la dirección HTTPS del servidor. ${nothingSent} ${callSupport} (${code}).`;
  }
  return null;
}

/** The first `code` along fetch's chain of causes (`fetch failed` → the socket's error). */
function errorCodeIn(error: unknown): string | null {
  let current: unknown = error;
  for (let depth = 0; depth < 5 && typeof current === 'object' && current !== null; depth += 1) {
    const code = (current as { code?: unknown }).code;
    // undici's own wrapper codes say only "the connection failed"; the socket's cause says why.
    if (typeof code === 'string' && !code.startsWith('UND_ERR_')) return code;
    current = (current as { cause?: unknown }).cause;
  }
  return null;
}
