import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect, it, onTestFinished } from 'vitest';
import { createEnrollmentCode } from '../../../src-server/devices/admin';
import { DeviceMeta } from '../../../src-main/device/device-meta';
import { EnrollmentService } from '../../../src-main/device/enrollment-service';
import { createRootLogger } from '../../../src-main/logger';
import { ConnectionMonitor } from '../../../src-main/server-link/connection-monitor';
import { ServerClient } from '../../../src-main/server-link/server-client';
import { describeEachServerDatabase, type DatabaseVariant } from '../../support/postgres';
import { openTestStore } from '../../support/replica-store';
import { postJson, startTestServer, type TestServer } from '../../support/server-harness';
import { tempDir } from '../../support/temp-dir';

/** Far beyond any test: only the first hello (at start) and the calls a test makes move the state. */
const noTimedHello = 600_000;

/** One page of the feed, asked without a long poll: the cheapest call a device makes. */
const pullOnce = (client: ServerClient, token: string) =>
  client.pull(token, { cursor: '0', limit: 1, wait: 0, count: '0' });

/** A device store holding a token the test server enrolled. */
async function enrolledMeta(t: TestServer): Promise<{ meta: DeviceMeta; token: string }> {
  const dir = tempDir('connection-state');
  const store = openTestStore(dir.path);
  onTestFinished(() => {
    store.close();
    dir.remove();
  });
  const { code } = await createEnrollmentCode(t.server.database, { deviceName: 'Portátil ruta 3', mode: 'cashier' });
  const enrolled = await t.request('/v1/enroll', postJson({ code }));
  const token = (enrolled.body as { value: { token: string } }).value.token;
  const meta = new DeviceMeta(store);
  meta.set({ deviceToken: token });
  return { meta, token };
}

/** The monitor as the app builds it, started (its first hello answered), counting its back-online calls. */
async function startedMonitor(client: ServerClient, meta: DeviceMeta) {
  const monitor = new ConnectionMonitor(client, meta, createRootLogger('silent'), noTimedHello);
  const backOnline = { count: 0 };
  monitor.onBackOnline(() => (backOnline.count += 1));
  monitor.start();
  onTestFinished(() => monitor.stop());
  expect(await monitor.check()).toBe('online');
  expect(backOnline.count).toBe(1);
  return { monitor, backOnline };
}

/**
 * What stands between the device and the server: passes requests on, hangs up on them (a
 * network that drops), or answers for the server with a page of its own (a gateway's 502, a
 * server's 503). Closed after the test.
 */
class Gate {
  mode: 'forward' | 'hang-up' | { status: number; contentType: string; body: string } = 'forward';

  private constructor(
    private readonly server: http.Server,
    private readonly upstream: string,
  ) {}

  static async start(upstream: string): Promise<Gate> {
    let gate: Gate | null = null;
    const server = http.createServer((req, res) => void gate?.handle(req, res));
    gate = new Gate(server, upstream);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    onTestFinished(async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    });
    return gate;
  }

  get url(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  private async handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const body: Buffer[] = [];
    for await (const chunk of req) body.push(chunk as Buffer);
    const mode = this.mode;
    if (mode === 'hang-up') return void req.socket.destroy();
    if (mode !== 'forward') return void res.writeHead(mode.status, { 'content-type': mode.contentType }).end(mode.body);
    const answer = await fetch(`${this.upstream}${req.url ?? '/'}`, {
      method: req.method ?? 'GET',
      headers: Object.fromEntries(
        Object.entries(req.headers).filter(([name]) => !['host', 'connection', 'content-length'].includes(name)),
      ) as Record<string, string>,
      ...(body.length === 0 ? {} : { body: Buffer.concat(body) }),
    });
    res
      .writeHead(answer.status, { 'content-type': answer.headers.get('content-type') ?? 'application/json' })
      .end(Buffer.from(await answer.arrayBuffer()));
  }
}

/**
 * The connection state between hellos (connection-monitor.ts): a call that cannot reach the
 * central server marks the device offline at once, one answered marks it online again (telling
 * the sync once); an answer that is an error page still came from a reachable server.
 */
describeEachServerDatabase('connection state from every call to the server', (variant: DatabaseVariant) => {
  it('tells the sync it is online once an enrollment has saved the token, not on the enroll call before it', async () => {
    const t = await startTestServer(variant, { logLevel: 'silent' });
    const dir = tempDir('connection-state');
    const store = openTestStore(dir.path);
    onTestFinished(() => {
      store.close();
      dir.remove();
    });
    const meta = new DeviceMeta(store);
    const client = new ServerClient(t.server.url, { timeoutMs: 2_000 });
    const log = createRootLogger('silent');
    const monitor = new ConnectionMonitor(client, meta, log, noTimedHello);
    // What the sync would find when told: woken without a token, it sleeps before its first pull.
    const tokenWhenTold: (string | null)[] = [];
    monitor.onBackOnline(() => tokenWhenTold.push(meta.get('deviceToken')));
    monitor.start();
    onTestFinished(() => monitor.stop());
    expect(await monitor.check()).toBe('not-enrolled');

    const { code } = await createEnrollmentCode(t.server.database, { deviceName: 'Caja 7', mode: 'cashier' });
    const enrolled = await new EnrollmentService(client, t.server.url, meta, monitor, log, store).enroll(code);
    expect(enrolled.ok).toBe(true);
    expect(monitor.current()).toBe('online');
    expect(tokenWhenTold).toHaveLength(1);
    expect(tokenWhenTold[0]).toEqual(expect.any(String));
  });

  it('goes offline at the first call the stopped server does not answer, not at the next hello', async () => {
    const t = await startTestServer(variant, { logLevel: 'silent' });
    const { meta, token } = await enrolledMeta(t);
    const client = new ServerClient(t.server.url, { timeoutMs: 2_000 });
    const { monitor, backOnline } = await startedMonitor(client, meta);

    // The server refuses a token it does not know (401, with its envelope): it is there.
    const refused = await pullOnce(client, 'not-a-device-token');
    expect(refused.ok ? null : refused.error.code).toBe('device-locked');
    expect(monitor.current()).toBe('online');

    await t.stop();
    const lost = await pullOnce(client, token);
    expect(lost.ok ? null : lost.error.code).toBe('offline');
    expect(monitor.current()).toBe('offline');
    expect(await monitor.check()).toBe('offline');
    expect(backOnline.count).toBe(1);
  });

  it(
    'comes back online at the first answered call, telling the sync once; error pages from a reachable server change nothing',
    { timeout: 60_000 },
    async () => {
      const t = await startTestServer(variant, { logLevel: 'silent' });
      const { meta, token } = await enrolledMeta(t);
      const gate = await Gate.start(t.server.url);
      const client = new ServerClient(gate.url, { timeoutMs: 2_000 });
      const { monitor, backOnline } = await startedMonitor(client, meta);

      // A gateway whose server is busy or away answers for it: an HTML 502, a JSON 503. The
      // device reads the 502 as `offline` for the call (retry later), but the link is up.
      gate.mode = { status: 502, contentType: 'text/html', body: '<html><body>502 Bad Gateway</body></html>' };
      const gateway = await pullOnce(client, token);
      expect(gateway.ok ? null : gateway.error.code).toBe('offline');
      expect(monitor.current()).toBe('online');
      gate.mode = {
        status: 503,
        contentType: 'application/json',
        body: JSON.stringify({ ok: false, error: { code: 'internal', message: 'Servidor en mantenimiento' } }),
      };
      const busy = await pullOnce(client, token);
      expect(busy.ok ? null : busy.error).toEqual({ code: 'internal', message: 'Servidor en mantenimiento' });
      expect(monitor.current()).toBe('online');

      // The network drops mid-call: offline at once, however many calls fail.
      gate.mode = 'hang-up';
      for (let i = 0; i < 2; i += 1) expect((await pullOnce(client, token)).ok).toBe(false);
      expect(monitor.current()).toBe('offline');

      // Back: the first answered call (a pull, not the hello) says so, and the sync hears it once.
      gate.mode = 'forward';
      expect((await pullOnce(client, token)).ok).toBe(true);
      expect(monitor.current()).toBe('online');
      expect(backOnline.count).toBe(2);
      expect((await pullOnce(client, token)).ok).toBe(true);
      expect(await monitor.check()).toBe('online');
      expect(backOnline.count).toBe(2);
    },
  );
});
