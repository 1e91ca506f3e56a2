import { err } from '../../src-shared/api/result';
import type { Slice } from '../api/slice';
import { walletOffline } from './wallet-messages';

const offline = () => Promise.resolve(err('offline', walletOffline));

/** The prepaid wallet at the kiosk, relayed to the central server (handlers being wired). */
export function startWallet(): Slice {
  return {
    name: 'wallet',
    handlers: {
      'wallet.terms': offline,
      'wallet.start': offline,
      'wallet.createLiquidation': offline,
      'wallet.recover': offline,
      'wallet.statement': offline,
      'wallet.statementPdf': offline,
      'wallet.updateContact': offline,
      'wallet.requestNewClave': offline,
      'wallet.volante': offline,
      'wallet.checkout': offline,
      'wallet.checkoutState': offline,
    },
    stop: () => Promise.resolve(),
  };
}
