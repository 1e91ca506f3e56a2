import { documentTypes } from '../../../src-shared/domain/identity-document';
import { liquidationStates, type LiquidationState } from '../../../src-shared/wallet/liquidation';
import { annulLiquidation } from '../annul-liquidation';
import { sendPage } from '../console-http';
import { consolePaths } from '../console-layout';
import type { ConsoleRouter } from '../console-routes';
import { liquidationPage, liquidationsPage } from '../liquidation-pages';
import { liquidationByNumber } from '../liquidation-queries';
import { messagePage } from '../login-page';
import { mayAct, refusedActionMessage } from '../staff-roles';
import { findLiquidations } from '../wallet-queries';

/** «Liquidaciones»: the filtered list, one liquidación with its payments, and «Anular». */
export function registerLiquidationRoutes(router: ConsoleRouter): void {
  const { deps } = router;
  router.page(consolePaths.liquidations, async (request, reply, ctx) => {
    const query = request.query as Record<string, unknown>;
    const text = (name: string, max: number): string =>
      typeof query[name] === 'string' ? (query[name] as string).trim().slice(0, max) : '';
    const search = {
      state: text('estado', 12),
      number: text('numero', 12),
      docType: text('tipo', 4),
      docNumber: text('identificacion', 24),
    };
    const state = (liquidationStates as readonly string[]).includes(search.state)
      ? (search.state as LiquidationState)
      : undefined;
    const number = /^\d{1,12}$/.test(search.number) ? Number(search.number) : undefined;
    // The identification as stored: digits and upper-case letters (a NIT with its DV, no dash).
    const docNumber = search.docNumber === '' ? undefined : search.docNumber.replace(/[\s.-]/g, '').toUpperCase();
    const docType = (documentTypes as readonly string[]).includes(search.docType) ? search.docType : undefined;
    const rows = await findLiquidations(deps.database.exec, {
      ...(state === undefined ? {} : { state }),
      ...(number === undefined ? {} : { number }),
      ...(docType === undefined ? {} : { docType }),
      ...(docNumber === undefined ? {} : { docNumber }),
      limit: 200,
    });
    return sendPage(reply, liquidationsPage(ctx.frame(), search, rows));
  });

  router.page(`${consolePaths.liquidations}/:number`, async (request, reply, ctx) => {
    const number = liquidationNumber(request.params);
    const found = number === null ? null : await liquidationByNumber(deps.database.exec, number);
    if (found === null) return notFound(reply);
    return sendPage(reply, liquidationPage(ctx.frame(), found));
  });

  router.action(`${consolePaths.liquidations}/:number/anular`, async (request, reply, ctx, form) => {
    const number = liquidationNumber(request.params);
    if (number === null) return notFound(reply);
    const back = `${consolePaths.liquidations}/${number}`;
    if (!mayAct(ctx.staff.role)) {
      deps.log.warn({ staff: ctx.staff.username, role: ctx.staff.role, liquidation: number }, 'annul refused: role');
      const found = await liquidationByNumber(deps.database.exec, number);
      if (found === null) return notFound(reply);
      return sendPage(
        reply,
        liquidationPage({ ...ctx.frame(), notice: { kind: 'error', text: refusedActionMessage } }, found),
        403,
      );
    }
    const reason = (form.motivo ?? '').trim();
    if (reason.length < 3 || reason.length > 500) {
      return ctx.redirectWith(reply, back, {
        kind: 'error',
        text: 'Escriba el motivo de la anulación (hasta 500 caracteres).',
      });
    }
    const result = await annulLiquidation(deps.database.exec, {
      number,
      username: ctx.staff.username,
      reason,
      now: deps.now(),
    });
    if (!result.ok) {
      return ctx.redirectWith(reply, back, { kind: 'error', text: result.error.message });
    }
    // The reason stays on the liquidación; the log says who and which, not the typed words.
    deps.log.info({ staff: ctx.staff.username, liquidation: number }, 'liquidation annulled');
    return ctx.redirectWith(reply, back, { kind: 'ok', text: `La liquidación ${number} quedó anulada.` });
  });

  function notFound(reply: Parameters<Parameters<ConsoleRouter['page']>[1]>[1]) {
    return sendPage(
      reply,
      messagePage('No existe esa liquidación', 'Revise el número.', {
        href: consolePaths.liquidations,
        label: 'Volver a Liquidaciones',
      }),
      404,
    );
  }
}

function liquidationNumber(params: unknown): number | null {
  const raw = (params as { number?: unknown }).number;
  return typeof raw === 'string' && /^\d{1,12}$/.test(raw) ? Number(raw) : null;
}
