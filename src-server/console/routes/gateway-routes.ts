import { gatewayStatuses } from '../../../src-shared/wallet/liquidation';
import { sendPage } from '../console-http';
import { consolePaths } from '../console-layout';
import type { ConsoleRouter } from '../console-routes';
import { transactionPage, transactionsPage } from '../gateway-pages';
import { gatewayTransaction, listGatewayTransactions } from '../gateway-queries';
import { messagePage } from '../login-page';

/** «Transacciones en línea»: gateway_transactions and, for one, its gateway_events. */
export function registerGatewayRoutes(router: ConsoleRouter): void {
  const { deps } = router;
  router.page(consolePaths.transactions, async (request, reply, ctx) => {
    const raw = (request.query as Record<string, unknown>).estado;
    const status = typeof raw === 'string' && ['CREATED', ...gatewayStatuses].includes(raw) ? raw : undefined;
    const rows = await listGatewayTransactions(deps.database.exec, {
      ...(status === undefined ? {} : { status }),
      limit: 200,
    });
    return sendPage(reply, transactionsPage(ctx.frame(), status ?? '', rows));
  });

  router.page(`${consolePaths.transactions}/:reference`, async (request, reply, ctx) => {
    const reference = (request.params as { reference?: unknown }).reference;
    const found =
      typeof reference === 'string' && reference.length <= 120
        ? await gatewayTransaction(deps.database.exec, reference)
        : null;
    if (found === null)
      return sendPage(
        reply,
        messagePage('No existe esa transacción', 'Revise la referencia.', {
          href: consolePaths.transactions,
          label: 'Volver a Transacciones en línea',
        }),
        404,
      );
    return sendPage(reply, transactionPage(ctx.frame(), found.transaction, found.events));
  });
}
