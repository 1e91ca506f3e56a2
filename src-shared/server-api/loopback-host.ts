/**
 * True for a host name that can only mean this machine: 127.0.0.0/8, ::1 and `localhost`,
 * bare or as `URL` spells it (IPv6 in brackets). Both sides decide with it where plain HTTP is
 * acceptable: bytes to loopback never reach a network (the device's server-url-policy, the
 * server's listen check). Names that merely resolve to loopback are not trusted to keep doing so.
 */
export function isLoopbackHost(host: string): boolean {
  const name = host.toLowerCase().replace(/\.$/, '');
  if (name === 'localhost' || name === '::1' || name === '[::1]') return true;
  const octets = name.split('.');
  return (
    octets.length === 4 && octets[0] === '127' && octets.every((part) => /^\d{1,3}$/.test(part) && Number(part) <= 255)
  );
}
