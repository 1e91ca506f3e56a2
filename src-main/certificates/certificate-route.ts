import { err, type Result } from '../../src-shared/api/result';
import type { RouteCredentials, RouteInput, RouteName, RouteValue } from '../../src-shared/server-api/routes';
import type { DeviceMeta } from '../device/device-meta';
import type { Logger } from '../logger';
import type { ServerClient } from '../server-link/server-client';
import { certificateMessages } from './certificate-messages';

export type CertificateRoute = Extract<RouteName, `certificates.${string}`>;

/** Sends one certificates route with this device's token; `offline` in the kiosk's words. */
export async function sendCertificateRoute<K extends CertificateRoute>(
  client: ServerClient,
  meta: DeviceMeta,
  log: Logger,
  route: K,
  input: RouteInput<K>,
  credentials: (token: string) => RouteCredentials<K>,
): Promise<Result<RouteValue<K>>> {
  const token = meta.get('deviceToken');
  if (token === null) return err('not-enrolled', certificateMessages.notEnrolled);
  const result = await client.call(route, input, credentials(token));
  if (!result.ok && result.error.code === 'offline') {
    log.info({ route }, 'certificates call without a server');
    return err('offline', certificateMessages.offline);
  }
  return result;
}
