import { timingSafeEqual } from 'node:crypto';

/**
 * Who may talk to the web host. It listens on loopback only; these checks stop a web page in
 * the kiosk's browser (or a DNS-rebinding attack) from calling the API:
 * - Host must name this loopback port, so a rebound domain name is refused;
 * - Origin, when a browser sends one, must be this host's own;
 * - the per-start token must be present (a page gets it by trading a one-time launch code);
 * - that trade needs an Origin, and this host's own: browsers always send one with a POST, so a
 *   request without one is not a page of ours.
 */
export class RequestGuard {
  private readonly hosts: ReadonlySet<string>;
  private readonly origins: ReadonlySet<string>;
  private readonly token: Buffer;

  constructor(port: number, token: string) {
    this.hosts = new Set([`127.0.0.1:${port}`, `localhost:${port}`]);
    this.origins = new Set([...this.hosts].map((host) => `http://${host}`));
    this.token = Buffer.from(token);
  }

  hostAllowed(host: string | undefined): boolean {
    return host !== undefined && this.hosts.has(host.toLowerCase());
  }

  originAllowed(origin: string | undefined): boolean {
    return origin === undefined || this.origins.has(origin.toLowerCase());
  }

  originPresentAndAllowed(origin: string | undefined): boolean {
    return origin !== undefined && this.origins.has(origin.toLowerCase());
  }

  tokenValid(presented: string | string[] | undefined): boolean {
    if (typeof presented !== 'string') return false;
    const candidate = Buffer.from(presented);
    return candidate.length === this.token.length && timingSafeEqual(candidate, this.token);
  }
}
