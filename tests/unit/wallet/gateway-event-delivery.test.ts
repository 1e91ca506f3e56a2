import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import pino from 'pino';
import { expect, it, onTestFinished } from 'vitest';
import { EventDelivery } from '../../../src-server/wallet/gateway/event-delivery';
import { GatewayEventEnvelope, type GatewayTransaction } from '../../../src-server/wallet/gateway/gateway-event';
import { verifyEvent } from '../../../src-server/wallet/gateway/signatures';
import { until } from '../../support/sync-support';

/**
 * The demo gateway's sender (and the tests' Wompi): Wompi's envelope, its checksum in the body
 * and the X-Event-Checksum header, signed afresh at each attempt, retried on its schedule until
 * a 2xx, and given up when the schedule is spent.
 */
const secret = 'test_events_DELIVERY';
const transaction: GatewayTransaction = {
  id: '1234-1610641025-49201',
  reference: 'LIQ100001-ABCDEFGH',
  amount_in_cents: 4_490_000,
  currency: 'COP',
  status: 'APPROVED',
};

async function webhook(answers: number[]) {
  const received: Array<{ body: string; header: string | undefined }> = [];
  const server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString()));
    request.on('end', () => {
      received.push({ body, header: request.headers['x-event-checksum'] as string | undefined });
      response.writeHead(answers.shift() ?? 200).end('{}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  onTestFinished(() => new Promise<void>((resolve) => server.close(() => resolve())));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/pasarela/eventos`, received };
}

it('retries on its schedule until the webhook answers 2xx, each attempt signed afresh and verifiable', async () => {
  const hook = await webhook([500, 401]);
  let clock = 1_700_000_000_000;
  const delivery = new EventDelivery({
    webhookUrl: () => hook.url,
    eventsSecret: secret,
    retryScheduleMs: [20, 20, 20],
    log: pino({ level: 'silent' }),
    now: () => new Date((clock += 1000)),
  });
  expect(await delivery.send(transaction)).toEqual({ delivered: true, attempts: 3 });
  expect(hook.received).toHaveLength(3);
  const timestamps = hook.received.map(({ body, header }) => {
    const event = GatewayEventEnvelope.parse(JSON.parse(body));
    expect(event.event).toBe('transaction.updated');
    expect(event.data).toEqual({ transaction });
    expect(header).toBe(event.signature.checksum);
    expect(verifyEvent(event, secret, new Date(event.timestamp * 1000))).toEqual({ ok: true });
    return event.timestamp;
  });
  expect(new Set(timestamps).size).toBe(3);
});

it('gives up when the schedule is spent, and stop() drops what was still scheduled', async () => {
  const hook = await webhook([503, 503, 503]);
  const delivery = new EventDelivery({
    webhookUrl: () => hook.url,
    eventsSecret: secret,
    retryScheduleMs: [10, 10],
    log: pino({ level: 'silent' }),
  });
  expect(await delivery.send(transaction)).toEqual({ delivered: false, attempts: 3 });

  const slow = new EventDelivery({
    webhookUrl: () => 'http://127.0.0.1:9/nadie',
    eventsSecret: secret,
    retryScheduleMs: [60_000],
    log: pino({ level: 'silent' }),
  });
  const pending = slow.send(transaction);
  await until(
    'the first attempt failed',
    () => slow.waiting,
    (n) => n === 1,
    10_000,
  );
  await slow.stop();
  expect(await pending).toEqual({ delivered: false, attempts: 1 });
});
