import { createHash } from 'node:crypto';
import type { FastifyInstance, FastifyReply } from 'fastify';
import {
  isVerifiable,
  lastVerificationDay,
  readVerificationCode,
  unknownVerificationCodeMessage,
} from '../../../src-shared/certificates/verification-code';
import { formatDateEs } from '../../../src-shared/domain/calendar-es';
import { waitInWords } from '../../accounts/login-throttle';
import { takeQuota, type Quota } from '../../accounts/quotas';
import type { CertificateConfig } from '../../certificates/certificate-config';
import {
  notVerifiedPage,
  verificationFormPage,
  verificationPagePolicy,
  verifiedPage,
} from '../../certificates/verification-pages';
import type { ServerDatabase } from '../../db/open';

export interface VerificationDeps {
  readonly database: ServerDatabase;
  readonly certificates: CertificateConfig;
  readonly now: () => Date;
}

/**
 * Lookups one address may make: a person checking a handful of certificates never meets it; a
 * scanner trying codes does (codes are 10 random characters of 62, so guessing is hopeless
 * anyway — this keeps it from costing a query per request forever).
 */
export const verificationsPerAddress: Quota = { name: 'verify:ip', limit: 30, windowMs: 10 * 60_000 };

interface IssuedRow extends Record<string, unknown> {
  id: string;
  title: string;
  business_name: string;
  matricula_number: string;
  issued_at: Date | string;
  state: string;
  receipt_number: string | number;
}

/**
 * `/verificar` (a form), `/verificar/<código>` (the certificate as issued) and
 * `/verificar/<código>/documento` (its signed PDF), public: the QR of every copy opens the
 * second. Only a delivered copy inside its window verifies; a refunded one, one in review and
 * an expired one say so plainly; an unknown code and a malformed one get their own plain answer.
 * No cache, no sniffing, no framing, no referrer (docs/certificates.md).
 */
export function verificationRoutes(deps: VerificationDeps): (app: FastifyInstance) => Promise<void> {
  return async (app) => {
    const chamber = deps.certificates.chamber.name;

    app.get<{ Querystring: { codigo?: string } }>('/verificar', { exposeHeadRoute: false }, async (request, reply) => {
      headers(reply);
      const typed = typeof request.query.codigo === 'string' ? request.query.codigo : null;
      if (typed === null) return reply.type('text/html; charset=utf-8').send(verificationFormPage(chamber));
      const code = readVerificationCode(typed);
      if (!code.ok)
        return reply
          .code(400)
          .type('text/html; charset=utf-8')
          .send(verificationFormPage(chamber, code.error.message, typed.slice(0, 20)));
      return reply.redirect(`/verificar/${encodeURIComponent(code.value)}`, 303);
    });

    app.get<{ Params: { code: string } }>('/verificar/:code', { exposeHeadRoute: false }, async (request, reply) => {
      headers(reply);
      const found = await lookup(request.ip, request.params.code);
      if ('page' in found) return reply.code(found.status).type('text/html; charset=utf-8').send(found.page);
      const row = found.row;
      const issuedAt = new Date(row.issued_at);
      return reply.type('text/html; charset=utf-8').send(
        verifiedPage({
          code: found.code,
          title: row.title,
          businessName: row.business_name,
          matriculaNumber: row.matricula_number,
          issuedAt,
          receiptNumber: Number(row.receipt_number),
          lastDay: lastVerificationDay(issuedAt),
          chamberName: chamber,
        }),
      );
    });

    app.get<{ Params: { code: string } }>(
      '/verificar/:code/documento',
      { exposeHeadRoute: false },
      async (request, reply) => {
        headers(reply);
        const found = await lookup(request.ip, request.params.code);
        if ('page' in found) return reply.code(found.status).type('text/html; charset=utf-8').send(found.page);
        const { rows } = await deps.database.exec.query<{ pdf: Uint8Array }>(
          'SELECT pdf FROM issued_certificate_pdfs WHERE certificate_id = $1',
          [found.row.id],
        );
        const pdf = rows[0]?.pdf;
        if (pdf === undefined) return reply.code(404).type('text/html; charset=utf-8').send(unknownPage());
        return reply
          .type('application/pdf')
          .header('content-disposition', `inline; filename="certificado-${found.code}.pdf"`)
          .send(Buffer.from(pdf));
      },
    );

    type Found =
      { readonly code: string; readonly row: IssuedRow } | { readonly status: number; readonly page: string };

    async function lookup(ip: string, typed: string): Promise<Found> {
      const now = deps.now();
      const quota = await takeQuota(deps.database.exec, addressKey(ip), verificationsPerAddress, now);
      if (!quota.granted)
        return {
          status: 429,
          page: notVerifiedPage(
            'Demasiadas consultas',
            `Desde esta conexión se consultaron muchos códigos. Espere ${waitInWords(quota.waitMs)} e intente de nuevo.`,
          ),
        };
      const code = readVerificationCode(typed);
      if (!code.ok) return { status: 400, page: verificationFormPage(chamber, code.error.message) };
      const { rows } = await deps.database.exec.query<IssuedRow>(
        `SELECT c.id, c.title, c.business_name, c.matricula_number, c.issued_at, c.state, p.receipt_number
         FROM issued_certificates c JOIN certificate_purchases p ON p.id = c.purchase_id
         WHERE c.verification_code = $1`,
        [code.value],
      );
      const row = rows[0];
      if (row === undefined) return { status: 404, page: unknownPage() };
      if (row.state === 'refunded')
        return {
          status: 410,
          page: notVerifiedPage(
            'Certificado sin validez',
            'Este certificado no se entregó y su valor se devolvió a quien lo compró: no tiene validez.',
          ),
        };
      if (row.state !== 'delivered')
        return {
          status: 409,
          page: notVerifiedPage(
            'Certificado en revisión',
            'La entrega de este certificado no se ha confirmado todavía. Intente de nuevo más tarde o consulte a la cámara de comercio.',
          ),
        };
      if (!isVerifiable(new Date(row.issued_at), now))
        return {
          status: 410,
          page: notVerifiedPage(
            'El plazo de verificación terminó',
            `Este código se podía verificar hasta el ${formatDateEs(lastVerificationDay(new Date(row.issued_at)))}. Pida un certificado nuevo si lo necesita.`,
          ),
        };
      return { code: code.value, row };
    }

    function unknownPage(): string {
      return notVerifiedPage('No encontramos ese certificado', unknownVerificationCodeMessage);
    }
  };
}

/** The address is personal data: only its hash is kept. */
const addressKey = (ip: string): string =>
  `${verificationsPerAddress.name}:${createHash('sha256').update(ip, 'utf8').digest('hex')}`;

function headers(reply: FastifyReply): void {
  reply
    .header('cache-control', 'no-store')
    .header('x-content-type-options', 'nosniff')
    .header('referrer-policy', 'no-referrer')
    .header('x-frame-options', 'DENY')
    .header('content-security-policy', verificationPagePolicy);
}
