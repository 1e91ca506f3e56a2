import { z } from 'zod';
import { defineRoute, type ServerRoute } from './route';
import { SnapshotPartQuery, SnapshotPartValue, SnapshotStartValue } from './snapshot-api';

/** The first download of a large replica (snapshot-api.ts): part of the one route map (routes.ts). */
export const snapshotRoutes = {
  'sync.snapshot': defineRoute({
    summary:
      'Starts a first download: the feed cursor the snapshot is read at, and the tables this device may hold with their row counts.',
    method: 'GET',
    path: '/v1/sync/snapshot',
    auth: 'device',
    request: z.object({}),
    response: SnapshotStartValue,
    // Counting a million subscribers' bills takes a moment.
    timeout: 'bulk',
  }),
  'sync.snapshotPart': defineRoute({
    summary:
      'One part of a table as it is now, after a key, in the columns the device asks for (only those it may hold), with the SHA-256 of its rows.',
    method: 'GET',
    path: '/v1/sync/snapshot/part',
    auth: 'device',
    request: SnapshotPartQuery,
    response: SnapshotPartValue,
    timeout: 'bulk',
    prebuiltAnswer: true,
  }),
} satisfies Record<string, ServerRoute>;
