import { createHash } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { takeQuota, type Quota } from '../../accounts/quotas';
import { clavePagePath, issueNewClave, resetLinkLive } from '../../wallet/clave-reset';
import {
  claveBusyPage,
  claveConfirmPage,
  claveIssuedPage,
  claveLinkGonePage,
  clavePagePolicy,
  claveWaitPage,
} from '../../wallet/clave-reset-pages';
import type { WalletContext } from '../../wallet/wallet-context';

/** 32 random bytes, base64url: anything else is a miss before the database is asked. */
const Token = z.string().regex(/^[A-Za-z0-9_-]{43}$/);

/**
 * Misses (unknown, used or expired links) per client address, like the phone links': the
 * tokens' 256 bits keep them from being guessed; this keeps a scanner from costing a lookup
 * per request for ever. Only misses count.
 */
const linkMisses: Quota = { name: 'wallet-clave-link-miss:ip', limit: 20, windowMs: 10 * 60_000 };
const missKey = (ip: string): string => `${linkMisses.name}:${createHash('sha256').update(ip, 'utf8').digest('hex')}`;

/**
 * The page of the mailed «clave nueva» link (no device, no API envelope: a citizen's browser):
 * - `GET /prepago/clave/<token>` shows a button and changes nothing (mail scanners open links);
 * - `POST` the same address issues the clave, once. A POST sent from another site's page is
 *   refused (Origin or Sec-Fetch-Site), and the token in the address is itself the secret a
 *   forged form would need.
 * Never cached, never framed, no referrer, no script.
 */
export function walletClavePage(ctx: WalletContext): (app: FastifyInstance) => Promise<void> {
  return async (app) => {
    app.addContentTypeParser(
      'application/x-www-form-urlencoded',
      { parseAs: 'string', bodyLimit: 1024 },
      (_request, _body, done) => done(null, {}),
    );

    app.get<{ Params: { token: string } }>(
      `${clavePagePath}:token`,
      { exposeHeadRoute: false },
      async (request, reply) => {
        const token = await liveToken(ctx, request, reply);
        if (token === null) return reply;
        return html(reply, 200, claveConfirmPage(`${clavePagePath}${token}`));
      },
    );

    app.post<{ Params: { token: string } }>(`${clavePagePath}:token`, async (request, reply) => {
      if (crossSite(request)) return html(reply, 403, claveLinkGonePage);
      const token = await liveToken(ctx, request, reply);
      if (token === null) return reply;
      const issued = await issueNewClave(ctx, token, `clave-page:${request.ip}`);
      if (!issued.ok) return html(reply, 503, claveBusyPage);
      if (!issued.value) return html(reply, 404, claveLinkGonePage);
      return html(reply, 200, claveIssuedPage);
    });
  };
}

/** The request's token when its link is live; otherwise the miss is counted and the page sent. */
async function liveToken(
  ctx: WalletContext,
  request: FastifyRequest<{ Params: { token: string } }>,
  reply: FastifyReply,
) {
  const exec = ctx.database.exec;
  const now = ctx.now();
  const waitMs = await missWait(ctx, request.ip, now);
  if (waitMs > 0) {
    reply.header('retry-after', String(Math.ceil(waitMs / 1000)));
    html(reply, 429, claveWaitPage(waitMs));
    return null;
  }
  const token = Token.safeParse(request.params.token);
  if (token.success && (await resetLinkLive(ctx, token.data))) return token.data;
  await takeQuota(exec, missKey(request.ip), linkMisses, now);
  html(reply, 404, claveLinkGonePage);
  return null;
}

async function missWait(ctx: WalletContext, ip: string, now: Date): Promise<number> {
  const { rows } = await ctx.database.exec.query<{ failures: number; blocked_until: Date | string }>(
    'SELECT failures, blocked_until FROM login_throttle WHERE key = $1',
    [missKey(ip)],
  );
  const row = rows[0];
  if (row === undefined || row.failures < linkMisses.limit) return 0;
  return Math.max(0, new Date(row.blocked_until).getTime() - now.getTime());
}

/** A form another site's page sent: browsers say so in Sec-Fetch-Site, or in an Origin that is not ours. */
function crossSite(request: FastifyRequest): boolean {
  const site = request.headers['sec-fetch-site'];
  if (site !== undefined && site !== 'same-origin' && site !== 'none') return true;
  const origin = request.headers.origin;
  if (origin === undefined || origin === 'null') return origin === 'null';
  return origin !== `${request.protocol}://${request.host}`;
}

function html(reply: FastifyReply, status: number, body: string): FastifyReply {
  return reply
    .code(status)
    .header('cache-control', 'no-store')
    .header('pragma', 'no-cache')
    .header('x-content-type-options', 'nosniff')
    .header('referrer-policy', 'no-referrer')
    .header('x-frame-options', 'DENY')
    .header('cross-origin-resource-policy', 'same-origin')
    .header('content-security-policy', clavePagePolicy)
    .type('text/html; charset=utf-8')
    .send(body);
}
