import { err, ok, type Result } from '../../src-shared/api/result';
import { readTicketNumber } from '../../src-shared/tickets/ticket-number';
import {
  accountRule,
  deviceRule,
  giveBackAttempts,
  reserveAttempts,
  type ThrottleKey,
} from '../accounts/login-throttle';
import { noSuchTickets, type TicketContext, type TicketOrigin } from './ticket-context';
import { ticketIdFor } from './ticket-queries';

/**
 * A citizen's way into their tickets without an account: any one ticket number and the email it
 * was created with. A wrong pair and an unknown one get the same answer; each try is counted
 * (per address, and per kiosk or web client) before it is checked, with growing waits past a
 * few misses (accounts/login-throttle.ts), and a right pair gives its try back.
 */
export async function openCitizenTickets(
  ctx: TicketContext,
  typedNumber: string,
  email: string,
  origin: TicketOrigin,
  /** The web client's address (for web lookups); ignored at a kiosk. */
  clientKey: string,
): Promise<Result<{ ticketId: string; email: string }>> {
  const address = email.trim().toLowerCase();
  const keys: ThrottleKey[] = [
    { key: `ticket-lookup:email:${address}`, rule: accountRule },
    {
      key: origin.channel === 'kiosk' ? `ticket-lookup:device:${origin.deviceId}` : `ticket-lookup:web:${clientKey}`,
      rule: deviceRule,
    },
  ];
  const now = ctx.now();
  const reservation = await reserveAttempts(ctx.database.exec, keys, now);
  if (!reservation.granted)
    return err(
      'locked',
      `Demasiados intentos. Espere ${Math.max(1, Math.ceil(reservation.waitMs / 60_000))} minutos y vuelva a intentarlo.`,
    );
  const number = readTicketNumber(typedNumber);
  const ticketId = number === null ? null : await ticketIdFor(ctx.database.exec, number.text, address);
  if (ticketId === null) return err('not-found', noSuchTickets);
  await giveBackAttempts(ctx.database.exec, keys, now);
  return ok({ ticketId, email: address });
}
