import type { ComponentType } from 'react';
import { accountFeatureScreens } from '../accounts/account-feature-screens';
import { billsFeatureScreens } from '../bills/bills-feature-screens';
import { certificatesFeatureScreens } from '../certificates/certificates-feature-screens';
import type { FeatureId } from '../kiosk-home/feature-catalogue';
import { ticketsFeatureScreens } from '../tickets/tickets-feature-screens';
import { walletFeatureScreens } from '../wallet/wallet-feature-screens';

/**
 * The screen of each available function. A feature issue adds its entry here and flips its
 * `status` in the catalogue; until then the tile opens the "disponible próximamente" panel.
 */
export const featureScreens: Partial<Record<FeatureId, ComponentType>> = {
  ...billsFeatureScreens,
  ...accountFeatureScreens,
  ...walletFeatureScreens,
  ...certificatesFeatureScreens,
  ...ticketsFeatureScreens,
};
