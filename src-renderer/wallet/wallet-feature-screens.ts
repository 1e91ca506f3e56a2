import type { ComponentType } from 'react';
import type { FeatureId } from '../kiosk-home/feature-catalogue';
import { WalletScreen } from './WalletScreen';

/** The start screen's «Prepago de servicios» tile. */
export const walletFeatureScreens = {
  'wallet-prepay': WalletScreen,
} satisfies Partial<Record<FeatureId, ComponentType>>;
