import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { routeTarget } from '../../../src-main/server-link/route-target';
import { pathParamNames, type ServerRoute } from '../../../src-shared/server-api/route';
import { routeNames, serverRoutes } from '../../../src-shared/server-api/routes';
import { requestInput } from '../../../src-server/http/api-route';
import { buildServer } from '../../../src-server/http/build-server';
import type { ServerDatabase } from '../../../src-server/db/open';
import { createServerLogger } from '../../../src-server/logger';
import { FeedNotifier } from '../../../src-server/sync/feed-notifier';

/**
 * The device ↔ central server contract: the route map (src-shared/server-api/routes.ts) is the
 * only place a `/v1` route is written, and the server's Fastify app has exactly its routes.
 */

const root = path.resolve(import.meta.dirname, '../../..');

/** Routes are registered without touching the database: any use of it here fails the test. */
function untouchableDatabase(): ServerDatabase {
  const refuse = (): never => {
    throw new Error('the database was used while only registering routes');
  };
  const trap = new Proxy({}, { get: refuse });
  return {
    kind: 'pglite',
    db: trap as ServerDatabase['db'],
    exec: trap as ServerDatabase['exec'],
    close: async () => undefined,
  };
}

/** Every (method, path) the app serves, read from Fastify's own route tree (`printRoutes`). */
function registeredRoutes(app: FastifyInstance): Array<{ method: string; path: string }> {
  const lines = app
    .printRoutes({ commonPrefix: false })
    .split('\n')
    .filter((line) => line.trim() !== '');
  const parents: string[] = [];
  const routes: Array<{ method: string; path: string }> = [];
  for (const line of lines) {
    const match = /^((?:[│ ] {3})*)[├└]── (\S+?)(?: \(([A-Z, ]+)\))?$/.exec(line);
    if (match === null) throw new Error(`printRoutes gave a line this test cannot read: ${line}`);
    const depth = (match[1] ?? '').length / 4;
    const full = (parents[depth - 1] ?? '') + (match[2] ?? '');
    parents.length = depth;
    parents.push(full);
    for (const method of match[3]?.split(', ') ?? []) routes.push({ method, path: full });
  }
  return routes;
}

describe('device API route map', () => {
  let app: FastifyInstance;
  let notifier: FeedNotifier;

  beforeAll(async () => {
    const logger = createServerLogger('silent');
    notifier = new FeedNotifier(async () => 0, logger);
    // With the admin routes and the mailbox pages too: they must stay outside `/v1`.
    app = await buildServer({
      database: untouchableDatabase(),
      deploymentId: '00000000-0000-4000-8000-000000000000',
      logger,
      adminToken: 'a'.repeat(43),
      feedNotifier: notifier,
      mail: { wake: () => undefined },
      mailbox: { token: 'm'.repeat(32) },
    });
    await app.ready();
  });
  afterAll(async () => {
    await app.close();
    notifier.stop();
  });

  it('the server registers exactly the map’s routes under /v1, with the map’s methods', () => {
    const served = registeredRoutes(app);
    // Sanity of the reader: routes outside the map are seen too.
    expect(served).toContainEqual({ method: 'GET', path: '/health' });
    expect(served).toContainEqual({ method: 'POST', path: '/admin/v1/devices/:id/revoke' });

    const v1 = served.filter((route) => route.path.startsWith('/v1/'));
    // HEAD is Fastify's automatic twin of each GET, never a route of its own.
    for (const head of v1.filter((route) => route.method === 'HEAD'))
      expect(v1).toContainEqual({ method: 'GET', path: head.path });
    const servedV1 = v1.filter((route) => route.method !== 'HEAD').map((route) => `${route.method} ${route.path}`);
    const mapped = routeNames.map((name) => `${serverRoutes[name].method} ${serverRoutes[name].path}`);
    expect(servedV1.toSorted()).toEqual(mapped.toSorted());
    // No two names for one route.
    expect(new Set(mapped).size).toBe(mapped.length);
  });

  it('every route that needs a device refuses a call without its token, before reading the body', async () => {
    for (const name of routeNames) {
      const route = serverRoutes[name];
      // A body the route could never accept: the token is checked first, whatever the body.
      const answer = await app.inject({
        method: route.method,
        url: route.path,
        ...(route.method === 'GET' ? {} : { payload: { junk: 'x'.repeat(100) } }),
      });
      if (route.auth === 'none') {
        expect(answer.statusCode, name).toBe(400);
        expect(answer.json(), name).toMatchObject({ ok: false, error: { code: 'validation' } });
        continue;
      }
      expect(answer.statusCode, name).toBe(401);
      expect(answer.headers['www-authenticate'], name).toContain('Bearer');
      expect(answer.json(), name).toMatchObject({ ok: false, error: { code: 'device-locked' } });
    }
  });

  it('a route without a token takes only the default body size; the map raises it for the push and ticket files alone', async () => {
    const large = JSON.stringify({ code: 'K7QF-9XWD-2MRT', padding: 'x'.repeat(300 * 1024) });
    const enroll = await app.inject({
      method: 'POST',
      url: serverRoutes['device.enroll'].path,
      headers: { 'content-type': 'application/json' },
      payload: large,
    });
    expect(enroll.statusCode).toBe(413);
    expect(enroll.json()).toEqual({
      ok: false,
      error: { code: 'validation', message: 'La solicitud es demasiado grande.' },
    });
    const limited = routeNames.filter((name) => (serverRoutes[name] as ServerRoute).bodyLimit !== undefined);
    expect(limited).toEqual(['sync.push', 'tickets.start', 'tickets.message']);
    expect(serverRoutes['sync.push'].bodyLimit).toBe(4 * 1024 * 1024);
    // Five files of 10 MiB in base64, and room for the fields.
    expect(serverRoutes['tickets.start'].bodyLimit).toBe(5 * 4 * Math.ceil((10 * 1024 * 1024) / 3) + 256 * 1024);
    expect(serverRoutes['tickets.message'].bodyLimit).toBe(serverRoutes['tickets.start'].bodyLimit);
  });

  it('the map is well formed: object inputs, path parameters among the input’s fields, GET without a body limit', () => {
    for (const name of routeNames) {
      const route: ServerRoute = serverRoutes[name];
      expect(route.request, name).toBeInstanceOf(z.ZodObject);
      const fields = Object.keys((route.request as z.ZodObject).shape);
      for (const param of pathParamNames(route.path)) expect(fields, `${name} :${param}`).toContain(param);
      if (route.method === 'GET') expect(route.bodyLimit, name).toBeUndefined();
      expect(name).toMatch(/^[a-z]+\.[a-zA-Z]+$/);
    }
  });

  it('no /v1/ route is written in src-main, src-server or src-shared outside the map', () => {
    // The map, and the feature parts it spreads in (routes.ts keeps every route in one object).
    const mapFiles = new Set([
      'src-shared/server-api/routes.ts',
      'src-shared/server-api/route.ts',
      'src-shared/server-api/device-routes.ts',
      'src-shared/server-api/sync-routes.ts',
      'src-shared/server-api/field-routes.ts',
      'src-shared/server-api/account-routes.ts',
      'src-shared/server-api/wallet-routes.ts',
      'src-shared/server-api/certificate-routes.ts',
      'src-shared/server-api/ticket-routes.ts',
      'src-shared/server-api/diagnostic-routes.ts',
      'src-shared/server-api/snapshot-routes.ts',
    ]);
    const offenders: string[] = [];
    for (const layer of ['src-main', 'src-server', 'src-shared']) {
      for (const file of readdirSync(path.join(root, layer), { recursive: true, encoding: 'utf8' })) {
        const relative = `${layer}/${file.split(path.sep).join('/')}`;
        if (!/\.tsx?$/.test(relative) || mapFiles.has(relative)) continue;
        const text = readFileSync(path.join(root, relative), 'utf8');
        // A quote or backtick right before /v1/: a string, template or code span naming a route.
        for (const [index, line] of text.split('\n').entries())
          if (/['"`]\/v1\//.test(line)) offenders.push(`${relative}:${index + 1}: ${line.trim()}`);
      }
    }
    expect(offenders).toEqual([]);
  });
});

describe('a call built from the map', () => {
  const getRoute: ServerRoute = {
    summary: 'test',
    method: 'GET',
    path: '/v1/things/:thingId/parts',
    auth: 'device',
    request: z.object({ thingId: z.string(), limit: z.coerce.number().optional() }),
    response: z.unknown(),
    timeout: 'short',
  };
  const postRoute: ServerRoute = { ...getRoute, method: 'POST', path: '/v1/things/:thingId' };

  it('on the device: path parameters go into the path, encoded; the rest is the query of a GET or the body of a POST', () => {
    expect(routeTarget(getRoute, { thingId: 'a/b c', limit: 5, skipped: undefined })).toEqual({
      path: '/v1/things/a%2Fb%20c/parts?limit=5',
      body: null,
    });
    expect(routeTarget(getRoute, { thingId: 'x' })).toEqual({ path: '/v1/things/x/parts', body: null });
    expect(routeTarget(postRoute, { thingId: 'x', note: 'ñandú' })).toEqual({
      path: '/v1/things/x',
      body: '{"note":"ñandú"}',
    });
    expect(routeTarget(serverRoutes['sync.pull'], { cursor: '0', limit: 2000, wait: 0, count: '1' })).toEqual({
      path: '/v1/sync/pull?cursor=0&limit=2000&wait=0&count=1',
      body: null,
    });
  });

  it('on the server: the input is the query or the body, with the path’s parameters over any sent under the same name', () => {
    expect(
      requestInput(getRoute, { query: { limit: '5', thingId: 'forged' }, body: undefined, params: { thingId: 'x' } }),
    ).toEqual({ limit: '5', thingId: 'x' });
    expect(requestInput(postRoute, { query: {}, body: { note: 'n' }, params: { thingId: 'x' } })).toEqual({
      note: 'n',
      thingId: 'x',
    });
    // Without path parameters the body is parsed as sent (a non-object body fails the schema as it is).
    expect(requestInput(serverRoutes['sync.push'], { query: {}, body: [1], params: {} })).toEqual([1]);
  });
});
