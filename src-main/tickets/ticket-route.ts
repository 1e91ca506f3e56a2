import { err, type Result } from '../../src-shared/api/result';
import type { RouteCredentials, RouteInput, RouteName, RouteValue } from '../../src-shared/server-api/routes';
import type { DeviceMeta } from '../device/device-meta';
import type { Logger } from '../logger';
import type { ServerClient } from '../server-link/server-client';
import { ticketMessages } from './ticket-messages';

export type TicketRoute = Extract<RouteName, `tickets.${string}`>;

/** Sends one tickets route with this device's token; `offline` in the kiosk's words. */
export async function sendTicketRoute<K extends TicketRoute>(
  client: ServerClient,
  meta: DeviceMeta,
  log: Logger,
  route: K,
  input: RouteInput<K>,
): Promise<Result<RouteValue<K>>> {
  const token = meta.get('deviceToken');
  if (token === null) return err('not-enrolled', ticketMessages.notEnrolled);
  // Every tickets route is a `device` route: the token is all it carries.
  const credentials: RouteCredentials<K> = { token };
  const result = await client.call(route, input, credentials);
  if (!result.ok && result.error.code === 'offline') {
    log.info({ route }, 'tickets call without a server');
    return err('offline', ticketMessages.offline);
  }
  return result;
}
