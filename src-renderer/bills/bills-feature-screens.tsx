import type { ComponentType } from 'react';
import type { FeatureId } from '../kiosk-home/feature-catalogue';
import { BillsScreen } from './BillsScreen';

function CurrentBillScreen() {
  return <BillsScreen task="current" />;
}

function PaymentHistoryScreen() {
  return <BillsScreen task="payments" />;
}

function PreviousBillsScreen() {
  return <BillsScreen task="previous" />;
}

/** The start screen's three bill tiles, each opening the flow at its own function. */
export const billsFeatureScreens = {
  'bill-print': CurrentBillScreen,
  'payment-history': PaymentHistoryScreen,
  'previous-bills': PreviousBillsScreen,
} satisfies Partial<Record<FeatureId, ComponentType>>;
