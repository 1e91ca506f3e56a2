import { expect, it } from 'vitest';
import { ServerClient } from '../../../src-main/server-link/server-client';
import { createEnrollmentCode } from '../../../src-server/devices/admin';
import { describeEachServerDatabase } from '../../support/postgres';
import { startTestServer } from '../../support/server-harness';
import { until } from '../../support/sync-support';

/**
 * A device that hangs up a long poll (the laptop closed, the balancer dropped the connection)
 * ends the server's wait at once: the waiter is gone, and the instance stops in seconds
 * instead of holding its shutdown for the whole wait and its kept-alive socket.
 */
describeEachServerDatabase('sync: a long poll hung up by the device', (variant) => {
  it('ends the wait at once and lets the server stop quickly', { timeout: 60_000 }, async () => {
    let waiting = 0;
    const t = await startTestServer(variant, {
      logLevel: 'silent',
      serverOptions: { feed: { onWaiters: (count) => (waiting = count) } },
    });
    const { code } = await createEnrollmentCode(t.server.database, { deviceName: 'Caja 1', mode: 'cashier' });
    const enrolled = await new ServerClient(t.server.url).enroll(code);
    if (!enrolled.ok) throw new Error(enrolled.error.message);
    const head = await fetch(`${t.server.url}/v1/sync/pull?cursor=0&limit=1`, {
      headers: { authorization: `Bearer ${enrolled.value.token}` },
    });
    const latest = ((await head.json()) as { value: { cursor: string } }).value.cursor;
    const hangUp = new AbortController();
    const poll = fetch(`${t.server.url}/v1/sync/pull?cursor=${latest}&limit=10&wait=30000`, {
      headers: { authorization: `Bearer ${enrolled.value.token}` },
      signal: hangUp.signal,
    }).catch(() => 'hung up');
    await until(
      'the poll waiting',
      () => waiting,
      (n) => n === 1,
      10_000,
    );
    hangUp.abort();
    expect(await poll).toBe('hung up');
    await until(
      'the wait ended',
      () => waiting,
      (n) => n === 0,
      5_000,
    );
    const stopping = performance.now();
    await t.server.stop();
    expect(performance.now() - stopping).toBeLessThan(10_000);
  });
});
