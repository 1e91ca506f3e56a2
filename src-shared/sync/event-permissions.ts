import type { DeviceMode } from '../domain/device-mode';
import type { SyncEventType } from './events';

/**
 * Which event kinds each device mode may push (docs/trust-model.md). The central server
 * refuses any other kind from a device of that mode, whatever the device claims about itself:
 * the mode is the one the server enrolled it with.
 *
 * - A kiosk in a public lobby takes no money: it reports its citizens' visits, nothing else.
 * - A counter takes payments, voids its office's counter and field payments with a
 *   supervisor's signed approval, opens and closes cash sessions, and takes prepaid wallet
 *   recharges (a field device does not: it has no recharge screen, so it may not send one).
 * - A field laptop takes payments within its routes, opens a cash session per collection day,
 *   voids one of its own payments with a supervisor present and their signed approval (only
 *   in a day not yet handed over: src-server/sync/payment-voided.ts) and hands its days over
 *   at the office (the entrega de recaudo, counted by a supervisor).
 */
export const eventKindsByMode: Readonly<Record<DeviceMode, readonly SyncEventType[]>> = {
  kiosk: ['kiosk.session_ended'],
  cashier: [
    'payment.taken',
    'payment.voided',
    'cash_session.opened',
    'cash_session.closed',
    'cashier.wallet_recharge_taken',
  ],
  field: ['payment.taken', 'payment.voided', 'cash_session.opened', 'cash_session.closed', 'field.handover'],
};

export function mayPush(mode: DeviceMode, type: SyncEventType): boolean {
  return eventKindsByMode[mode].includes(type);
}

/** Money events: never discarded on a device without a trace, and never pushed by a kiosk. */
export const moneyEventKinds: readonly SyncEventType[] = [
  'payment.taken',
  'payment.voided',
  'cash_session.opened',
  'cash_session.closed',
  'cashier.wallet_recharge_taken',
  'field.handover',
];
