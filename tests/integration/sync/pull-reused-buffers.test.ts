import http from 'node:http';
import net from 'node:net';
import { expect, it } from 'vitest';
import { ServerClient } from '../../../src-main/server-link/server-client';
import { serverBuffers } from '../../../src-server/buffer-pool';
import { createEnrollmentCode } from '../../../src-server/devices/admin';
import type { DeviceMode } from '../../../src-shared/domain/device-mode';
import { describeEachServerDatabase } from '../../support/postgres';
import { startTestServer, type TestServer } from '../../support/server-harness';
import { seedServer } from '../../support/sync-support';

/**
 * On PostgreSQL a pull's COPY bytes and its answer live in buffers the server reuses
 * (src-server/buffer-pool.ts): one device's page must never show up, whole or in part, in
 * another's answer, however many ask at once. Each device here sees a different share of the
 * entity (two field laptops on different routes, a kiosk without payment references, a
 * counter), and every answer given under load must be byte for byte the one it gets alone.
 */
async function enroll(t: TestServer, mode: DeviceMode, scope?: string): Promise<string> {
  const { code } = await createEnrollmentCode(t.server.database, {
    deviceName: `${mode} ${scope ?? ''}`.trim(),
    mode,
    ...(scope === undefined ? {} : { scope }),
  });
  const enrolled = await new ServerClient(t.server.url).enroll(code);
  if (!enrolled.ok) throw new Error(enrolled.error.message);
  return enrolled.value.token;
}

/**
 * The raw body of one pull, with the time-of-answer field blanked. With `gate`, the body is not
 * read until `gate` resolves: the answer waits in the server's socket queue meanwhile, so the
 * server builds the others while this one is still being sent.
 */
function pull(
  agent: http.Agent,
  url: string,
  token: string,
  gate?: { arrived(): void; open: Promise<void> },
): Promise<string> {
  return new Promise((resolve, reject) => {
    http
      .get(url, { agent, headers: { authorization: `Bearer ${token}` } }, (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => {
          if (response.statusCode !== 200) reject(new Error(`pull ${response.statusCode}`));
          else
            resolve(
              Buffer.concat(chunks)
                .toString('utf8')
                .replace(/"serverTime":"[^"]+"/, '"serverTime":""'),
            );
        });
        response.on('error', reject);
        if (gate !== undefined) {
          response.pause();
          gate.arrived();
          void gate.open.then(() => response.resume());
        }
      })
      .on('error', reject);
  });
}

/** Opens once `count` answers have started arriving. */
function gateFor(count: number): { arrived(): void; open: Promise<void> } {
  let arrived = 0;
  let open!: () => void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return {
    arrived: () => {
      arrived += 1;
      if (arrived === count) open();
    },
    open: opened,
  };
}

/**
 * Pulls sent back to back on one connection (HTTP/1.1 pipelining) whose answers are not read
 * until `read()`: the server answers them in order, so all but the first wait in its memory,
 * in the buffers they were built in, while other devices are answered.
 */
function pipelinedPulls(url: string, paths: readonly { path: string; token: string }[]) {
  const { hostname, port } = new URL(url);
  const socket = net.connect(Number(port), hostname);
  socket.pause();
  socket.write(
    paths
      .map((p) => `GET ${p.path} HTTP/1.1\r\nHost: ${hostname}\r\nAuthorization: Bearer ${p.token}\r\n\r\n`)
      .join(''),
  );
  return {
    /** The bodies, in order, each with its time-of-answer field blanked. */
    read: async (): Promise<string[]> => {
      const chunks: Buffer[] = [];
      socket.on('data', (chunk: Buffer) => chunks.push(chunk));
      socket.resume();
      const bodies: string[] = [];
      for (;;) {
        const all = Buffer.concat(chunks);
        let at = 0;
        bodies.length = 0;
        while (at < all.length) {
          const headEnd = all.indexOf('\r\n\r\n', at);
          if (headEnd === -1) break;
          const length = Number(/content-length: (\d+)/i.exec(all.toString('latin1', at, headEnd))?.[1]);
          if (headEnd + 4 + length > all.length) break;
          bodies.push(all.toString('utf8', headEnd + 4, headEnd + 4 + length));
          at = headEnd + 4 + length;
        }
        if (bodies.length === paths.length) break;
        await new Promise((resolve) => socket.once('data', resolve));
      }
      socket.destroy();
      return bodies.map((b) => b.replace(/"serverTime":"[^"]+"/, '"serverTime":""'));
    },
  };
}

describeEachServerDatabase('sync: pulls answered from reused buffers', (variant) => {
  it('gives every device its own page, byte for byte, with many pulls at once', async () => {
    const t = await startTestServer(variant, { logLevel: 'silent' });
    await seedServer(t, 400);
    const { rows } = await t.server.database.exec.query<{ route: string }>(
      'SELECT DISTINCT left(codigo_ruta, 6) AS route FROM subscribers ORDER BY 1 LIMIT 2',
    );
    expect(rows).toHaveLength(2);
    const devices = [
      await enroll(t, 'field', rows[0]!.route),
      await enroll(t, 'field', rows[1]!.route),
      await enroll(t, 'kiosk'),
      await enroll(t, 'cashier'),
    ];
    const top = Number(
      (await t.server.database.exec.query<{ n: string }>('SELECT max(seq) AS n FROM change_log')).rows[0]?.n,
    );
    // Pages of 500 changes from cursors spread over the feed: most are several hundred KB,
    // above the size the pool keeps.
    const requests = Array.from({ length: 48 }, (_, i) => ({
      token: devices[i % devices.length]!,
      url: `${t.server.url}/v1/sync/pull?cursor=${Math.floor((i / 48) * top)}&limit=500`,
    }));
    const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });
    try {
      const alone: string[] = [];
      for (const r of requests) alone.push(await pull(agent, r.url, r.token));
      expect(new Set(alone).size).toBe(requests.length);
      const kept = serverBuffers.keptBytes;
      if (variant.kind === 'postgres') expect(kept).toBeGreaterThan(0);
      // Ten big pages kept waiting in the server while 144 other pulls are answered.
      const waiting = requests.filter((_, i) => alone[i]!.length > 300_000).slice(0, 10);
      expect(waiting.length).toBe(10);
      const pipelined = pipelinedPulls(
        t.server.url,
        waiting.map((r) => ({ path: r.url.slice(t.server.url.length), token: r.token })),
      );
      for (let round = 0; round < 3; round += 1) {
        // Even rounds read every answer at once; odd rounds hold every body until all have started.
        const gate = round % 2 === 1 ? gateFor(requests.length) : undefined;
        const together = await Promise.all(requests.map((r) => pull(agent, r.url, r.token, gate)));
        together.forEach((body, i) => expect(body, `pull ${i}, round ${round}`).toBe(alone[i]));
      }
      const held = await pipelined.read();
      held.forEach((body, i) => expect(body, `held pull ${i}`).toBe(alone[requests.indexOf(waiting[i]!)]));
    } finally {
      agent.destroy();
    }
  });
});
