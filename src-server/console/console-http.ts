import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Html } from './html';

/**
 * The console's HTTP hygiene (OWASP ASVS level 2, V3 sessions, V4 CSRF, V14 headers): the
 * security headers of every answer, the session cookie's name and flags, and the CSRF check.
 */

/** Nothing runs, nothing loads from elsewhere, forms post only here, nobody frames it. */
export const consolePolicy =
  "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

export function secureHeaders(reply: FastifyReply): FastifyReply {
  return (
    reply
      .header('cache-control', 'no-store')
      .header('pragma', 'no-cache')
      .header('content-security-policy', consolePolicy)
      .header('x-frame-options', 'DENY')
      .header('x-content-type-options', 'nosniff')
      // same-origin, not no-referrer: with no-referrer Chromium sends `Origin: null` on our own forms.
      .header('referrer-policy', 'same-origin')
      .header('cross-origin-opener-policy', 'same-origin')
      .header('cross-origin-resource-policy', 'same-origin')
  );
}

export function sendPage(reply: FastifyReply, page: Html, status = 200): FastifyReply {
  return secureHeaders(reply).code(status).type('text/html; charset=utf-8').send(page.text);
}

/** A redirect after a POST (or to the login page): 303, so the browser follows with a GET. */
export function redirect(reply: FastifyReply, location: string): FastifyReply {
  return secureHeaders(reply).code(303).header('location', location).send();
}

/**
 * Over HTTPS (the server's own TLS, or a trusted proxy's X-Forwarded-Proto) cookies are
 * `__Host-` prefixed and Secure: the browser then refuses them from plain HTTP and from any
 * subdomain, and sends them for the whole host. On plain HTTP (loopback only: transport.ts
 * refuses plain HTTP elsewhere) they cannot be Secure, and are kept to /consola. Two cookies:
 * the session's, and the login form's CSRF token (a login cannot be forged from another site).
 */
export type ConsoleCookie = 'session' | 'login';

const cookieNames: Record<ConsoleCookie, string> = {
  session: 'ventanilla-consola',
  login: 'ventanilla-consola-ingreso',
};

export function consoleCookie(request: FastifyRequest, which: ConsoleCookie): { name: string; attributes: string } {
  return request.protocol === 'https'
    ? { name: `__Host-${cookieNames[which]}`, attributes: 'Path=/; Secure; HttpOnly; SameSite=Strict' }
    : { name: cookieNames[which], attributes: 'Path=/consola; HttpOnly; SameSite=Strict' };
}

/** Adds a Set-Cookie (several may go in one answer). No Max-Age: gone when the browser closes; the server ends it sooner. */
export function setCookie(request: FastifyRequest, reply: FastifyReply, which: ConsoleCookie, value: string): void {
  const { name, attributes } = consoleCookie(request, which);
  appendSetCookie(reply, `${name}=${value}; ${attributes}`);
}

export function clearCookie(request: FastifyRequest, reply: FastifyReply, which: ConsoleCookie): void {
  const { name, attributes } = consoleCookie(request, which);
  appendSetCookie(reply, `${name}=; ${attributes}; Max-Age=0`);
}

function appendSetCookie(reply: FastifyReply, cookie: string): void {
  const before = reply.getHeader('set-cookie');
  const list = before === undefined ? [] : Array.isArray(before) ? before.map(String) : [String(before)];
  reply.header('set-cookie', [...list, cookie]);
}

export function readCookie(request: FastifyRequest, which: ConsoleCookie): string | undefined {
  const name = consoleCookie(request, which).name;
  const header = request.headers.cookie;
  if (header === undefined) return undefined;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return undefined;
}

/**
 * The synchronizer token of a POST: the form's `csrf` field must equal the session's token
 * (compared in constant time). A browser also tells us where a request comes from: one another
 * site started (`Sec-Fetch-Site: cross-site` or `same-site`) is refused whatever it carries.
 */
export function csrfMatches(request: FastifyRequest, expected: string, given: unknown): boolean {
  const site = request.headers['sec-fetch-site'];
  if (site === 'cross-site' || site === 'same-site') return false;
  if (typeof given !== 'string' || given === '') return false;
  return timingSafeEqual(digest(given), digest(expected));
}

const digest = (text: string): Buffer => createHash('sha256').update(text, 'utf8').digest();
