import { sendPage } from '../console-http';
import { consolePaths } from '../console-layout';
import type { ConsoleRouter } from '../console-routes';
import { messagePage } from '../login-page';
import { resolutions, resolveReview, type Resolution } from '../resolve-review';
import { reviewPage, reviewsPage } from '../review-pages';
import { findReview, listReviews } from '../review-queries';
import { mayAct, refusedActionMessage } from '../staff-roles';

/** «Revisiones»: open ones first, one review with its raw record, and «Resolver». */
export function registerReviewRoutes(router: ConsoleRouter): void {
  const { deps } = router;
  router.page(consolePaths.reviews, async (request, reply, ctx) => {
    const includeResolved = (request.query as Record<string, unknown>).ver === 'todas';
    const reviews = await listReviews(deps.database.exec, { includeResolved, limit: 300 });
    return sendPage(reply, reviewsPage(ctx.frame(), reviews, includeResolved));
  });

  router.page(`${consolePaths.reviews}/:id`, async (request, reply, ctx) => {
    const review = await findReview(deps.database.exec, reviewId(request.params));
    if (review === null) return notFound(reply);
    return sendPage(reply, reviewPage(ctx.frame(), review));
  });

  router.action(`${consolePaths.reviews}/:id/resolver`, async (request, reply, ctx, form) => {
    const id = reviewId(request.params);
    const review = await findReview(deps.database.exec, id);
    if (review === null) return notFound(reply);
    const again = (status: number, text: string) =>
      sendPage(
        reply,
        reviewPage({ ...ctx.frame(), notice: { kind: 'error', text } }, review, {
          note: form.nota ?? '',
          number: form.liquidacion ?? '',
        }),
        status,
      );
    if (!mayAct(ctx.staff.role)) {
      deps.log.warn({ staff: ctx.staff.username, role: ctx.staff.role, review: id }, 'review resolution refused: role');
      return again(403, refusedActionMessage);
    }
    const decision = form.decision ?? '';
    if (!(resolutions as readonly string[]).includes(decision)) return again(400, 'Elija una decisión.');
    const typedNumber = (form.liquidacion ?? '').trim();
    const number = /^\d{1,12}$/.test(typedNumber) ? Number(typedNumber) : null;
    if (decision === 'applied' && number === null)
      return again(400, 'Escriba el número de la liquidación a la que se aplica.');
    const result = await resolveReview(deps.database.exec, {
      reviewId: id,
      resolution: decision as Resolution,
      liquidationNumber: decision === 'applied' ? number : null,
      note: form.nota ?? '',
      username: ctx.staff.username,
      now: deps.now(),
    });
    if (!result.ok) {
      const status = result.error.code === 'conflict' ? 409 : result.error.code === 'not-found' ? 404 : 400;
      // A resolved review shows who resolved it; the page is read again for that.
      const current = (await findReview(deps.database.exec, id)) ?? review;
      return sendPage(
        reply,
        reviewPage({ ...ctx.frame(), notice: { kind: 'error', text: result.error.message } }, current, {
          note: form.nota ?? '',
          number: typedNumber,
        }),
        status,
      );
    }
    const r = result.value;
    // The audit line beside the row's own record; no personal data (the note stays in the row).
    deps.log.info(
      {
        staff: ctx.staff.username,
        review: id,
        kind: r.kind,
        resolution: r.resolution,
        liquidation: r.liquidationNumber,
        amount: r.amount,
        duplicate: r.duplicate,
      },
      'wallet review resolved',
    );
    return ctx.redirectWith(reply, `${consolePaths.reviews}/${id}`, {
      kind: 'ok',
      text:
        r.resolution === 'applied'
          ? r.duplicate
            ? `Ese dinero ya estaba abonado a la liquidación ${r.liquidationNumber ?? ''}; no se abonó otra vez. La revisión quedó resuelta.`
            : `Se abonó el dinero al prepago de la liquidación ${r.liquidationNumber ?? ''}. La revisión quedó resuelta.`
          : 'La revisión quedó resuelta.',
    });
  });

  function notFound(reply: Parameters<Parameters<ConsoleRouter['page']>[1]>[1]) {
    return sendPage(
      reply,
      messagePage('No existe esa revisión', 'Vuelva a la lista de revisiones.', {
        href: consolePaths.reviews,
        label: 'Volver a Revisiones',
      }),
      404,
    );
  }
}

const reviewId = (params: unknown): string => {
  const raw = (params as { id?: unknown }).id;
  return typeof raw === 'string' ? raw : '';
};
