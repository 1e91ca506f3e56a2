import { createHash, randomBytes } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { csrfMatches } from '../../console/console-http';
import type { Html } from '../../console/html';

/**
 * The support pages' HTTP hygiene (OWASP ASVS level 2: V3, V4 CSRF, V14 headers). Citizens have
 * no account here, so there is no session to tie a form to: each browser gets a random CSRF
 * cookie that every form repeats in a hidden field (a double-submit token, compared in constant
 * time), and a form another site's page sends is refused on its Sec-Fetch-Site or Origin.
 */

/**
 * No script at all; one stylesheet from here; forms post only here; nobody frames the pages.
 * `img-src 'self'` is for the icon.
 */
export const supportPolicy =
  "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

/**
 * Every answer: never kept by a cache (the pages show names, addresses and messages), never
 * framed, never sniffed, and no Referer (the addresses carry ticket links). With no-referrer,
 * Chromium sends `Origin: null` on our own forms; the CSRF check below allows for it.
 */
export function supportHeaders(reply: FastifyReply): FastifyReply {
  return reply
    .header('cache-control', 'no-store')
    .header('pragma', 'no-cache')
    .header('content-security-policy', supportPolicy)
    .header('x-frame-options', 'DENY')
    .header('x-content-type-options', 'nosniff')
    .header('referrer-policy', 'no-referrer')
    .header('cross-origin-opener-policy', 'same-origin')
    .header('cross-origin-resource-policy', 'same-origin');
}

export function sendPage(reply: FastifyReply, page: Html, status = 200): FastifyReply {
  return supportHeaders(reply).code(status).type('text/html; charset=utf-8').send(page.text);
}

/** After a POST that worked: 303, so reloading the next page does not send the form again. */
export function redirect(reply: FastifyReply, location: string): FastifyReply {
  return supportHeaders(reply).code(303).header('location', location).send();
}

/**
 * Over HTTPS the cookie is `__Host-` prefixed and Secure (no subdomain or plain-HTTP page can set
 * it); on plain HTTP (loopback only, transport.ts) it is kept to /soporte. SameSite=Lax, not
 * Strict: a citizen arriving from the mailed link keeps the token of the tabs already open.
 * The token alone is the defence; SameSite and Sec-Fetch-Site are more on top.
 */
function cookieOf(request: FastifyRequest): { name: string; attributes: string } {
  return request.protocol === 'https'
    ? { name: '__Host-ventanilla-soporte', attributes: 'Path=/; Secure; HttpOnly; SameSite=Lax' }
    : { name: 'ventanilla-soporte', attributes: 'Path=/soporte; HttpOnly; SameSite=Lax' };
}

const tokenShape = /^[A-Za-z0-9_-]{43}$/;

function readToken(request: FastifyRequest): string | undefined {
  const name = cookieOf(request).name;
  for (const part of (request.headers.cookie ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) {
      const value = part.slice(eq + 1).trim();
      return tokenShape.test(value) ? value : undefined;
    }
  }
  return undefined;
}

/** The browser's CSRF token for a page's forms, set as its cookie when it has none yet. */
export function formToken(request: FastifyRequest, reply: FastifyReply): string {
  const existing = readToken(request);
  if (existing !== undefined) return existing;
  const token = randomBytes(32).toString('base64url');
  const { name, attributes } = cookieOf(request);
  reply.header('set-cookie', `${name}=${token}; ${attributes}`);
  return token;
}

/**
 * Whether a POST may act: its `csrf` field equals the browser's cookie, no browser said another
 * site sent it (Sec-Fetch-Site), and an Origin, when one is given, is ours (`null` is what our
 * own no-referrer pages send).
 */
export function formAllowed(request: FastifyRequest, given: unknown): boolean {
  const origin = request.headers.origin;
  if (origin !== undefined && origin !== 'null' && origin !== `${request.protocol}://${request.host}`) return false;
  const expected = readToken(request);
  return expected !== undefined && csrfMatches(request, expected, given);
}

/** The web client as the throttles count it: its address, kept only as a hash (it is personal data). */
export const clientKey = (request: FastifyRequest): string =>
  createHash('sha256').update(request.ip, 'utf8').digest('hex').slice(0, 32);
