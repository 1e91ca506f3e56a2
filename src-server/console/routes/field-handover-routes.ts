import { sendPage } from '../console-http';
import { consolePaths } from '../console-layout';
import type { ConsoleRouter } from '../console-routes';
import { handoverPage, handoversPage } from '../field-handover-pages';
import { handoverCollectors, handoverDetail, listHandovers } from '../field-handover-queries';
import { readHandoverSearch } from '../field-handover-search';
import { messagePage } from '../login-page';
import { mayAct, refusedActionMessage } from '../staff-roles';

const pageSize = 50;

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * «Entregas de recaudo»: the field collectors' handovers (field_handovers) and one handover's
 * days and saldo a favor. Only a supervisor or an admin reads them, like «Rutas de campo»: they
 * name collectors and what each one owed; a cashier or a support agent is refused (403).
 */
export function registerFieldHandoverRoutes(router: ConsoleRouter): void {
  const { deps } = router;
  const refused = messagePage('No tiene permiso', refusedActionMessage, {
    href: consolePaths.root,
    label: 'Volver a la consola',
  });

  router.page(consolePaths.handovers, async (request, reply, ctx) => {
    if (!mayAct(ctx.staff.role)) return sendPage(reply, refused, 403);
    const exec = deps.database.exec;
    const collectors = await handoverCollectors(exec);
    const read = readHandoverSearch(
      request.query,
      collectors.map((c) => c.username),
    );
    if (!read.ok) {
      const frame = { ...ctx.frame(), notice: { kind: 'error' as const, text: read.message } };
      return sendPage(reply, handoversPage(frame, read.search, collectors, null), 400);
    }
    const page = await listHandovers(exec, { ...read.query, limit: pageSize });
    return sendPage(reply, handoversPage(ctx.frame(), read.search, collectors, page));
  });

  router.page(`${consolePaths.handovers}/:id`, async (request, reply, ctx) => {
    if (!mayAct(ctx.staff.role)) return sendPage(reply, refused, 403);
    const id = (request.params as { id?: unknown }).id;
    const detail = typeof id === 'string' && uuidPattern.test(id) ? await handoverDetail(deps.database.exec, id) : null;
    if (detail === null)
      return sendPage(
        reply,
        messagePage('No existe esa entrega', 'Revise el enlace o búsquela en la lista de entregas de recaudo.', {
          href: consolePaths.handovers,
          label: 'Volver a Entregas de recaudo',
        }),
        404,
      );
    return sendPage(reply, handoverPage(ctx.frame(), detail));
  });
}
