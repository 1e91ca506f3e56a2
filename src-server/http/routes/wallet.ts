import type { FastifyInstance } from 'fastify';
import { err } from '../../../src-shared/api/result';
import type { ServerDatabase } from '../../db/open';
import { apiRoutes } from '../api-route';

const notYet = async () => err('internal', 'El prepago aún no está disponible en este servidor.');

/** The citizen's prepaid wallet for enrolled devices (docs/wallet-citizen-api.md). Handlers being wired. */
export function walletRoutes(ctx: { readonly database: ServerDatabase; readonly now: () => Date }) {
  return async (app: FastifyInstance): Promise<void> => {
    const route = apiRoutes(app, { database: ctx.database, now: ctx.now });
    route('wallet.terms', notYet);
    route('wallet.start', notYet);
    route('wallet.createLiquidation', notYet);
    route('wallet.recover', notYet);
    route('wallet.lookupLiquidation', notYet);
    route('wallet.statement', notYet);
    route('wallet.statementPdf', notYet);
    route('wallet.updateContact', notYet);
    route('wallet.requestNewClave', notYet);
    route('wallet.volante', notYet);
    route('wallet.checkout', notYet);
    route('wallet.checkoutState', notYet);
  };
}
