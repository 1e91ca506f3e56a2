import { isLoopbackHost } from '../../src-shared/server-api/loopback-host';

/**
 * Why `url` may not be the central server's address, in Spanish for whoever installs the
 * device; null when it may. The device sends its token, payments and citizens' logins there,
 * so anything that leaves this machine must go over HTTPS. Plain HTTP is allowed to loopback
 * only (the embedded server of `npm start`, or a TLS proxy on this machine): those bytes never
 * reach a network. `setting` names where the address came from.
 */
export function serverUrlRefusal(url: string, setting = 'VENTANILLA_SERVER_URL'): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return `${setting} debe ser una URL https://, no «${url}».`;
  }
  if (parsed.protocol === 'https:') return null;
  if (parsed.protocol !== 'http:') return `${setting} debe ser una URL https://, no «${url}».`;
  if (isLoopbackHost(parsed.hostname)) return null;
  return (
    `${setting} debe empezar por https:// para un servidor central en otra máquina (${parsed.hostname}): ` +
    'por http:// el token del dispositivo, los pagos y los datos de los ciudadanos viajarían sin cifrar por la red. ' +
    'Solo se acepta http:// hacia este mismo equipo (127.0.0.1, ::1 o localhost).'
  );
}
