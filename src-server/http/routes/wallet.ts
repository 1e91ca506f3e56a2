import type { FastifyInstance, FastifyRequest } from 'fastify';
import { err, ok, type Result } from '../../../src-shared/api/result';
import type { ServerDocumentValue } from '../../../src-shared/server-api/wallet-api';
import { readEntitySetting } from '../../mail/mail-entity';
import { requestNewClave } from '../../wallet/clave-reset';
import { updateContact } from '../../wallet/contact';
import { documentEntity } from '../../wallet/documents/document-frame';
import { renderVolantePdf, volanteFileName } from '../../wallet/documents/volante-pdf';
import type { VolanteSlipValue } from '../../../src-shared/server-api/wallet-api';
import { gatewayCheckoutState } from '../../wallet/gateway/checkout-state';
import { startCheckout } from '../../wallet/gateway/start-checkout';
import type { LiquidationRow } from '../../wallet/liquidation-records';
import {
  createLiquidation,
  liquidationWithCode,
  lookupLiquidation,
  notPayable,
  recoverLiquidation,
} from '../../wallet/liquidations';
import { startRecharge } from '../../wallet/start';
import { walletStatement, walletStatementPdf } from '../../wallet/statement';
import { currentWalletTerms } from '../../wallet/terms';
import { walletDevice, type WalletContext } from '../../wallet/wallet-context';
import { apiRoutes } from '../api-route';

export interface WalletRouteDeps extends WalletContext {
  /** The address citizens reach this server at (VENTANILLA_PUBLIC_URL); null: the one the device called. */
  readonly publicUrl: string | null;
}

/**
 * The citizen's prepaid wallet for enrolled kiosks and counters (docs/wallet-citizen-api.md):
 * the device token says which device asks — its mode (from the server's record) decides what it
 * may do, and the throttles count per device. Every failure is a Spanish message the kiosk
 * shows as it comes; nothing answered tells whether an identification has a wallet, except
 * wallet.start's masked holder, as the guide shows it.
 */
export function walletRoutes(deps: WalletRouteDeps): (app: FastifyInstance) => Promise<void> {
  return async (app) => {
    const route = apiRoutes(app, { database: deps.database, now: deps.now });
    const publicBase = (request: FastifyRequest): string => deps.publicUrl ?? `${request.protocol}://${request.host}`;

    route('wallet.terms', async (_input, { device }) => {
      const allowed = walletDevice(device);
      return allowed.ok ? ok(currentWalletTerms) : allowed;
    });
    route('wallet.start', async (input, { device }) => startRecharge(deps, input, device));
    route('wallet.createLiquidation', async (input, { device }) => createLiquidation(deps, input, device));
    route('wallet.recover', async (input, { device }) => recoverLiquidation(deps, input, device));
    route('wallet.lookupLiquidation', async ({ query }, { device }) => lookupLiquidation(deps, query, device));
    route('wallet.statement', async (input, { device }) => walletStatement(deps, input, device));
    route('wallet.statementPdf', async (input, { device }) => walletStatementPdf(deps, input, device));
    route('wallet.updateContact', async (input, { device }) => updateContact(deps, input, device));
    route('wallet.requestNewClave', async (input, { device, request }) =>
      requestNewClave(deps, input, device, publicBase(request)),
    );
    route('wallet.volante', async (input, { device }) => {
      const found = await liquidationWithCode(deps, input, device);
      if (!found.ok) return found;
      return volante(deps, found.value);
    });
    route('wallet.volanteSlip', async (input, { device }) => {
      const found = await liquidationWithCode(deps, input, device);
      if (!found.ok) return found;
      const closed = notPayable(found.value, deps.now());
      if (closed !== null) return closed;
      return ok(await volanteInput(deps, found.value));
    });
    route('wallet.checkout', async (input, { device, request }) => {
      const found = await liquidationWithCode(deps, input, device);
      if (!found.ok) return found;
      const now = deps.now();
      const closed = notPayable(found.value, now);
      if (closed !== null) return closed;
      const started = await startCheckout(deps.database.exec, deps.config, found.value.id, {
        publicBaseUrl: publicBase(request),
        now,
      });
      if (started.ok) deps.log.info({ device: device.id, number: found.value.number }, 'online checkout opened');
      return started;
    });
    route('wallet.checkoutState', async ({ reference }, { device }) => {
      const allowed = walletDevice(device);
      if (!allowed.ok) return allowed;
      const state = await gatewayCheckoutState(deps.database.exec, reference);
      return state === null
        ? err('not-found', 'No encontramos ese pago en línea. Vuelva a la liquidación.')
        : ok(state);
    });
  };
}

/** What a volante prints, as both its PDF and its thermal slip read it. */
async function volanteInput(deps: WalletRouteDeps, row: LiquidationRow): Promise<VolanteSlipValue> {
  return {
    entity: documentEntity(await readEntitySetting(deps.database.exec)),
    liquidation: {
      number: row.number,
      amount: row.amount,
      expiresAt: new Date(row.expiresAt).toISOString(),
      recoveryCode: row.recoveryCode,
      client: row.client,
    },
    gln: deps.config.recaudoGln,
    banks: deps.config.banks.map((bank) => bank.name),
  };
}

/** The volante de pago en bancos of a pending liquidación (H-docs' renderer), base64 in the envelope. */
async function volante(deps: WalletRouteDeps, row: LiquidationRow): Promise<Result<ServerDocumentValue>> {
  const closed = notPayable(row, deps.now());
  if (closed !== null) return closed;
  const input = await volanteInput(deps, row);
  const pdf = await renderVolantePdf({ ...input, banks: deps.config.banks });
  if (!pdf.ok) {
    deps.log.error({ number: row.number, reason: pdf.error.message }, 'volante not rendered');
    return err('internal', 'No pudimos preparar el volante en este momento. Intente de nuevo más tarde.');
  }
  return ok({
    fileName: volanteFileName(row.number),
    contentType: 'application/pdf',
    base64: Buffer.from(pdf.value).toString('base64'),
  });
}
