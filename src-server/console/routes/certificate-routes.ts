import type { Result } from '../../../src-shared/api/result';
import { findIssuedCopy, listIssuedCopies } from '../certificate-queries';
import { certificatePage, certificatesPage } from '../certificate-pages';
import { listKioskDispensers } from '../dispenser-queries';
import { sendPage } from '../console-http';
import { consolePaths } from '../console-layout';
import type { ConsoleRouter } from '../console-routes';
import { messagePage } from '../login-page';
import { mayAct, refusedActionMessage } from '../staff-roles';

/** Decides a copy whose delivery is unknown (certificates/certificate-outcome.ts). */
export type ResolveCertificate = (
  certificateId: string,
  to: 'delivered' | 'refunded',
  staff: { username: string; note: string },
) => Promise<Result<unknown>>;

/** «Certificados»: copies sold, the unconfirmed first, and «Decidir la entrega» for a supervisor. */
export function registerCertificateRoutes(router: ConsoleRouter, resolve: ResolveCertificate): void {
  const { deps } = router;
  router.page(consolePaths.certificates, async (_request, reply, ctx) =>
    sendPage(
      reply,
      certificatesPage(
        ctx.frame(),
        await listIssuedCopies(deps.database.exec, 300),
        await listKioskDispensers(deps.database.exec),
        new Date(),
      ),
    ),
  );

  router.page(`${consolePaths.certificates}/:id`, async (request, reply, ctx) => {
    const copy = await findIssuedCopy(deps.database.exec, copyId(request.params));
    if (copy === null) return notFound(reply);
    return sendPage(reply, certificatePage(ctx.frame(), copy));
  });

  router.action(`${consolePaths.certificates}/:id/decidir`, async (request, reply, ctx, form) => {
    const id = copyId(request.params);
    const copy = await findIssuedCopy(deps.database.exec, id);
    if (copy === null) return notFound(reply);
    const note = (form.nota ?? '').trim();
    const again = (status: number, text: string) =>
      sendPage(reply, certificatePage({ ...ctx.frame(), notice: { kind: 'error', text } }, copy, { note }), status);
    if (!mayAct(ctx.staff.role)) {
      deps.log.warn({ staff: ctx.staff.username, certificate: id }, 'certificate decision refused: role');
      return again(403, refusedActionMessage);
    }
    const decision = form.decision;
    if (decision !== 'delivered' && decision !== 'refunded') return again(400, 'Elija si el certificado salió o no.');
    if (note.length < 3) return again(400, 'Escriba una nota: qué vio en la bandeja o en la impresora.');
    const result = await resolve(id, decision, { username: ctx.staff.username, note });
    if (!result.ok) {
      const current = (await findIssuedCopy(deps.database.exec, id)) ?? copy;
      return sendPage(
        reply,
        certificatePage({ ...ctx.frame(), notice: { kind: 'error', text: result.error.message } }, current, { note }),
        result.error.code === 'conflict' ? 409 : 400,
      );
    }
    deps.log.info({ staff: ctx.staff.username, certificate: id, decision }, 'certificate delivery decided');
    return ctx.redirectWith(reply, `${consolePaths.certificates}/${id}`, {
      kind: 'ok',
      text:
        decision === 'delivered'
          ? 'Quedó como entregado: el valor se cobró.'
          : 'Quedó como no entregado: el valor volvió al prepago y se avisó al comprador.',
    });
  });

  function notFound(reply: Parameters<Parameters<ConsoleRouter['page']>[1]>[1]) {
    return sendPage(
      reply,
      messagePage('No existe ese certificado', 'Vuelva a la lista de certificados.', {
        href: consolePaths.certificates,
        label: 'Volver a Certificados',
      }),
      404,
    );
  }
}

const copyId = (params: unknown): string => {
  const raw = (params as { id?: unknown }).id;
  return typeof raw === 'string' ? raw : '';
};
