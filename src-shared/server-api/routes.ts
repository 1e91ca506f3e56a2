import type { z } from 'zod';
import { PhoneLink } from '../api/phone-link';
import { accountRoutes } from './account-routes';
import { certificateRoutes } from './certificate-routes';
import { deviceRoutes } from './device-routes';
import { diagnosticRoutes } from './diagnostic-routes';
import { PhoneLinkQuery } from './documents-api';
import { fieldRoutes } from './field-routes';
import { defineRoute, type AuthCredentials, type ServerRoute } from './route';
import { snapshotRoutes } from './snapshot-routes';
import { syncRoutes } from './sync-routes';
import { ticketRoutes } from './ticket-routes';
import { walletRoutes } from './wallet-routes';

/**
 * The device ↔ central server API: every route a device calls, written here and nowhere else
 * (each feature's part of the map, like certificate-routes.ts, is spread into this one object,
 * in this order). The server registers each one from this map (src-server/http/api-route.ts:
 * method, path, body limit, auth, input parsed with Spanish errors, the envelope) and the device's ServerClient
 * builds each call from it and parses the answer with its `response`. A contract test
 * (tests/unit/server-api/route-map.test.ts) holds the server's `/v1` routes to this list.
 *
 * Not in the map, because no device calls them: `GET /health` (load balancers and the admin
 * command; a bare JSON body, no envelope), the admin routes under `/admin/v1` (loopback and the
 * local admin token, for `npm run admin`: src-server/http/routes/admin.ts) and the demo mailbox
 * pages (HTML, loopback and a per-start token).
 */

export const serverRoutes = {
  ...deviceRoutes,
  ...syncRoutes,
  ...fieldRoutes,
  ...accountRoutes,
  'documents.phoneLink': defineRoute({
    summary:
      '«Llevar a mi celular»: a PDF held for minutes behind a single-use link for the citizen’s phone (kiosks only; docs/documents-to-phone.md).',
    method: 'POST',
    path: '/v1/documents/phone-links',
    auth: 'device',
    request: PhoneLinkQuery,
    response: PhoneLink,
    upload: { contentTypes: ['application/pdf'] },
    timeout: 'long',
  }),
  ...walletRoutes,
  ...snapshotRoutes,
  ...certificateRoutes,
  ...ticketRoutes,
  ...diagnosticRoutes,
} satisfies Record<string, ServerRoute>;

export type ServerRoutes = typeof serverRoutes;
export type RouteName = keyof ServerRoutes;
/** What the device passes to a route (before the server's parsing: defaults may be left out). */
export type RouteInput<K extends RouteName> = z.input<ServerRoutes[K]['request']>;
/** What the server's handler receives, parsed. */
export type RouteParsedInput<K extends RouteName> = z.output<ServerRoutes[K]['request']>;
/** The answer's value as the device has it after parsing. */
export type RouteValue<K extends RouteName> = z.output<ServerRoutes[K]['response']>;
/** The credentials a call of the route carries. */
export type RouteCredentials<K extends RouteName> = AuthCredentials[ServerRoutes[K]['auth']];

export const routeNames = Object.keys(serverRoutes) as RouteName[];
