import net from 'node:net';
import { expect, it, onTestFinished } from 'vitest';
import { DEFAULT_MAIL_FROM } from '../../../src-server/config';
import { openServerDatabase } from '../../../src-server/db/open';
import { startServer } from '../../../src-server/index';
import { createServerLogger } from '../../../src-server/logger';
import { describeEachServerDatabase } from '../../support/postgres';
import { prepareDatabase } from '../../support/server-harness';

describeEachServerDatabase('central server: start-up and stop', (variant) => {
  it('fails on a port already in use and leaves the database free for the next start', async () => {
    const blocker = net.createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    onTestFinished(() => new Promise<void>((resolve) => blocker.close(() => resolve())));
    const address = blocker.address();
    if (address === null || typeof address === 'string') throw new Error('no port');
    const { dir, databaseUrl } = await prepareDatabase(variant);
    onTestFinished(() => dir.remove());
    const config = {
      dataDir: dir.path,
      databaseUrl,
      host: '127.0.0.1',
      port: address.port,
      logLevel: 'silent',
      enrollmentCodeTtlHours: 24,
      smtpUrl: null,
      mailFrom: DEFAULT_MAIL_FROM,
    };

    await expect(startServer(config)).rejects.toMatchObject({ code: 'EADDRINUSE' });

    const database = await openServerDatabase(config, { logger: createServerLogger('silent') });
    await database.close();
  });

  it('keeps its deployment identity across restarts, and stop() can be called twice', async () => {
    const { dir, databaseUrl } = await prepareDatabase(variant);
    onTestFinished(() => dir.remove());
    const config = {
      dataDir: dir.path,
      databaseUrl,
      host: '127.0.0.1',
      port: 0,
      logLevel: 'silent',
      enrollmentCodeTtlHours: 24,
      smtpUrl: null,
      mailFrom: DEFAULT_MAIL_FROM,
    };
    const deploymentOf = async (server: Awaited<ReturnType<typeof startServer>>) =>
      (await server.database.exec.query<{ id: string }>('select id from deployments')).rows;

    const first = await startServer(config);
    const before = await deploymentOf(first);
    await Promise.all([first.stop(), first.stop()]);
    const second = await startServer(config);
    onTestFinished(() => second.stop());
    expect(await deploymentOf(second)).toEqual(before);
    expect(before).toHaveLength(1);
    expect((await fetch(`${second.url}/health`)).status).toBe(200);
  });
});

describeEachServerDatabase('central server: stop with open connections', (variant) => {
  it('stops at once with a connection that never sent a request, and lets a request in flight finish', async () => {
    const { dir, databaseUrl } = await prepareDatabase(variant);
    onTestFinished(() => dir.remove());
    const config = {
      dataDir: dir.path,
      databaseUrl,
      host: '127.0.0.1',
      port: 0,
      logLevel: 'silent',
      enrollmentCodeTtlHours: 24,
      smtpUrl: null,
      mailFrom: DEFAULT_MAIL_FROM,
    };
    const server = await startServer(config);
    // A client that connected and went quiet (a pre-connected socket, a device that lost power).
    const silent = net.connect(server.port, '127.0.0.1');
    await new Promise<void>((resolve) => silent.once('connect', () => resolve()));
    const closed = new Promise<void>((resolve) => silent.once('close', () => resolve()));
    // A request on its way while the stop begins still gets its answer. `Expect: 100-continue`
    // makes the server say when it has the request (Node answers «100 Continue» as it emits it);
    // the body follows only after the stop has begun.
    const body = JSON.stringify({ code: 'ABCD-EFGH' });
    const inFlight = net.connect(server.port, '127.0.0.1');
    let received = '';
    const continued = new Promise<void>((resolve) =>
      inFlight.on('data', (chunk: Buffer) => {
        received += chunk.toString('latin1');
        if (received.includes('100 Continue')) resolve();
      }),
    );
    const answered = new Promise<string>((resolve) => inFlight.once('close', () => resolve(received)));
    inFlight.write(
      'POST /v1/enroll HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n' +
        `Content-Length: ${Buffer.byteLength(body)}\r\nExpect: 100-continue\r\n\r\n`,
    );
    await continued;
    const started = Date.now();
    const stopped = server.stop();
    inFlight.write(body);
    await stopped;
    expect(Date.now() - started).toBeLessThan(3000);
    await closed;
    // A whole answer (the code is unknown, so a refusal), not a reset connection.
    expect(await answered).toMatch(/100 Continue\r\n\r\nHTTP\/1\.1 [1-5]\d\d .*\r\n[\s\S]*\r\n\r\n\{/);
  });
});
