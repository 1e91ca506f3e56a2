import { documentTypes, normalizeDocument, type DocumentType } from '../../../src-shared/domain/identity-document';
import { sendPage } from '../console-http';
import type { ConsoleRouter } from '../console-routes';
import { consolePaths } from '../console-layout';
import { walletsPage } from '../wallet-pages';
import { walletView } from '../wallet-queries';

/** «Prepagos»: a wallet by identification. The number is normalised as the kiosk stores it. */
export function registerWalletRoutes(router: ConsoleRouter): void {
  router.page(consolePaths.wallets, async (request, reply, ctx) => {
    const query = request.query as Record<string, unknown>;
    const docType = typeof query.tipo === 'string' && isDocumentType(query.tipo) ? query.tipo : 'CC';
    const typed = typeof query.numero === 'string' ? query.numero.slice(0, 24) : '';
    const frame = ctx.frame();
    if (typed.trim() === '') return sendPage(reply, walletsPage(frame, { docType, docNumber: '' }, null));
    const number = normalizeDocument(docType, typed);
    if (!number.ok)
      return sendPage(
        reply,
        walletsPage(
          { ...frame, notice: { kind: 'error', text: number.error.message } },
          { docType, docNumber: typed },
          null,
        ),
        400,
      );
    const view = await walletView(router.deps.database.exec, docType, number.value);
    return sendPage(reply, walletsPage(frame, { docType, docNumber: typed }, view));
  });
}

const isDocumentType = (value: string): value is DocumentType => (documentTypes as readonly string[]).includes(value);
