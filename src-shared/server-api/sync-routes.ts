import { defineRoute, type ServerRoute } from './route';
import { PullQuery, PullValue, PushRequest, PushValue } from './sync-api';

/** The change feed down and the outbox up (sync-api.ts); part of the one route map (routes.ts). */
export const syncRoutes = {
  'sync.pull': defineRoute({
    summary:
      'One page of the change feed after a cursor, filtered to what this device may hold; `wait` makes it a long poll.',
    method: 'GET',
    path: '/v1/sync/pull',
    auth: 'device',
    request: PullQuery,
    // `changes` is `unknown[]` here: the device checks each row against its table while applying the page (sync-api.ts).
    response: PullValue,
    timeout: 'bulk',
    prebuiltAnswer: true,
  }),
  'sync.push': defineRoute({
    summary: 'A batch of outbox events; each is answered applied, duplicate or rejected with a reason.',
    method: 'POST',
    path: '/v1/sync/push',
    auth: 'device',
    request: PushRequest,
    response: PushValue,
    // Up to maxPushBatch events; a first upload after days offline fills whole batches.
    bodyLimit: 4 * 1024 * 1024,
    timeout: 'bulk',
  }),
} satisfies Record<string, ServerRoute>;
