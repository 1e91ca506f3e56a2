import type { Slice } from '../api/slice';
import type { DeviceMeta } from '../device/device-meta';
import type { Logger } from '../logger';
import type { ServerClient } from '../server-link/server-client';
import type { BillPrinters } from '../bills/bill-output-wiring';
import { VolantePrinting } from './volante-printing';
import { WalletService } from './wallet-service';

export interface WalletDeps {
  readonly client: ServerClient;
  /** The kiosk's printers, as bills print to them: the volante goes where a bill would. */
  readonly printers: BillPrinters;
  readonly meta: DeviceMeta;
  readonly log: Logger;
}

/**
 * The citizen's prepaid wallet at the kiosk, relayed to the central server (docs/wallet-citizen-api.md).
 * It issues no credential of its own: the identification with the clave, or with a recovery
 * code, travels in each call and the server checks it every time; the screen forgets both when
 * the kiosk visit ends.
 */
export function startWallet(deps: WalletDeps): Slice {
  const wallet = new WalletService(deps.client, deps.meta, deps.log);
  const volantes = new VolantePrinting(wallet, deps.printers, deps.log);
  return {
    name: 'wallet',
    handlers: {
      'wallet.terms': () => wallet.terms(),
      'wallet.start': (input) => wallet.start(input),
      'wallet.createLiquidation': (input) => wallet.createLiquidation(input),
      'wallet.recover': (input) => wallet.recover(input),
      'wallet.statement': (input) => wallet.statement(input),
      'wallet.statementPdf': (input) => wallet.statementPdf(input),
      'wallet.updateContact': (input) => wallet.updateContact(input),
      'wallet.requestNewClave': (input) => wallet.requestNewClave(input),
      'wallet.volante': (input) => wallet.volante(input),
      'wallet.printVolante': (input) => volantes.print(input),
      'wallet.checkout': (input) => wallet.checkout(input),
      'wallet.checkoutState': (input) => wallet.checkoutState(input),
    },
    stop: () => Promise.resolve(),
  };
}
