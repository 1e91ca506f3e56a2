import { RouteChecksumValue } from '../field/route-checksum';
import { HandoverFiguresRequest, HandoverFiguresValue } from './field-api';
import { defineRoute, NoInput, type ServerRoute } from './route';

/** For field devices only: the checks before going out and before an entrega de recaudo; part of the one route map (routes.ts). */
export const fieldRoutes = {
  'sync.routeChecksum': defineRoute({
    summary:
      'For the calling field device only: row counts and a checksum of what its replica must hold of its assigned routes, with the feed cursor they were read at («Preparar salida»). Kiosks and counters are refused.',
    method: 'GET',
    path: '/v1/sync/route-checksum',
    auth: 'device',
    request: NoInput,
    response: RouteChecksumValue,
    timeout: 'long',
  }),
  'field.handoverFigures': defineRoute({
    summary:
      'For the calling field device only: the server’s payments of some of its collection days (count and amount per cash session) and the saldo a favor made of them, checked before an entrega de recaudo.',
    method: 'POST',
    path: '/v1/field/handover-figures',
    auth: 'device',
    request: HandoverFiguresRequest,
    response: HandoverFiguresValue,
    timeout: 'long',
  }),
} satisfies Record<string, ServerRoute>;
