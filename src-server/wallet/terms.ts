import { createHash } from 'node:crypto';
import { walletTerms } from '../../src-shared/wallet/terms';
import type { WalletTermsValue } from '../../src-shared/server-api/wallet-api';

/** The terms the kiosk shows, with the SHA-256 of their text: what an acceptance records. */
export const currentWalletTerms: WalletTermsValue = {
  ...walletTerms,
  textSha256: createHash('sha256').update(walletTerms.text, 'utf8').digest('hex'),
};
