import { describe, expect, it } from 'vitest';
import {
  eventChecksum,
  eventProperty,
  integritySignature,
  sameHex,
  verifyEvent,
} from '../../../src-server/wallet/gateway/signatures';

/**
 * Wompi's integrity signature and event checksum against the documented examples
 * (docs/payment-gateway.md), and the refusals a forger or a replayer would meet.
 */
const documentedEvent = {
  event: 'transaction.updated',
  data: {
    transaction: {
      id: '1234-1610641025-49201',
      amount_in_cents: 4490000,
      reference: 'FAC-000123',
      customer_email: 'ciudadano@example.com',
      currency: 'COP',
      payment_method_type: 'PSE',
      status: 'APPROVED',
    },
  },
  environment: 'test',
  signature: {
    properties: ['transaction.id', 'transaction.status', 'transaction.amount_in_cents'],
    checksum: '3439a83b43a87654d4b8d0e20344d2c6da2f1991c86e9ba874b2e08fde323451',
  },
  timestamp: 1530291411,
  sent_at: '2018-07-20T16:45:05.000Z',
};
const eventsSecret = 'test_events_SANDBOX_SECRET';
const atEventTime = new Date(1530291411 * 1000 + 30_000);

describe('integrity signature', () => {
  it('matches the documented example', () => {
    expect(
      integritySignature(
        { reference: 'FAC-000123', amountInCents: 15000000, currency: 'COP' },
        'test_integrity_SANDBOX_SECRET',
      ),
    ).toBe('e778f2e942033f75ad7c0e104d16fd0f7fc4707a0cd741095be4d7bba5cebebd');
  });

  it('changes with the amount, and covers the expiration time when given', () => {
    const base = { reference: 'FAC-000123', amountInCents: 15000000, currency: 'COP' };
    const secret = 'test_integrity_SANDBOX_SECRET';
    expect(integritySignature({ ...base, amountInCents: 15000100 }, secret)).not.toBe(integritySignature(base, secret));
    expect(integritySignature({ ...base, expirationTime: '2026-12-31T23:59:59.000Z' }, secret)).not.toBe(
      integritySignature(base, secret),
    );
  });
});

describe('event checksum', () => {
  it('matches the documented example: properties read relative to data, then timestamp, then the secret', () => {
    expect(
      eventChecksum(
        documentedEvent.data,
        documentedEvent.signature.properties,
        documentedEvent.timestamp,
        eventsSecret,
      ),
    ).toBe(documentedEvent.signature.checksum);
    expect(verifyEvent(documentedEvent, eventsSecret, atEventTime)).toEqual({ ok: true });
  });

  it('compares case-insensitively', () => {
    const upper = {
      ...documentedEvent,
      signature: { ...documentedEvent.signature, checksum: documentedEvent.signature.checksum.toUpperCase() },
    };
    expect(verifyEvent(upper, eventsSecret, atEventTime)).toEqual({ ok: true });
  });

  it('reads the property list from the event, in its order', () => {
    const reordered = {
      ...documentedEvent,
      signature: {
        ...documentedEvent.signature,
        properties: ['transaction.status', 'transaction.id', 'transaction.amount_in_cents'],
      },
    };
    expect(verifyEvent(reordered, eventsSecret, atEventTime)).toEqual({ ok: false, reason: 'bad-checksum' });
    const resigned = {
      ...reordered,
      signature: {
        ...reordered.signature,
        checksum:
          eventChecksum(reordered.data, reordered.signature.properties, reordered.timestamp, eventsSecret) ?? '',
      },
    };
    expect(verifyEvent(resigned, eventsSecret, atEventTime)).toEqual({ ok: true });
  });

  it('refuses a changed amount, status or timestamp, and another secret', () => {
    const tx = documentedEvent.data.transaction;
    const withTx = (changes: Partial<typeof tx>) => ({
      ...documentedEvent,
      data: { transaction: { ...tx, ...changes } },
    });
    expect(verifyEvent(withTx({ amount_in_cents: 4490001 }), eventsSecret, atEventTime).ok).toBe(false);
    expect(verifyEvent(withTx({ status: 'DECLINED' }), eventsSecret, atEventTime).ok).toBe(false);
    expect(verifyEvent({ ...documentedEvent, timestamp: 1530291412 }, eventsSecret, atEventTime).ok).toBe(false);
    expect(verifyEvent(documentedEvent, 'prod_events_OTHER', atEventTime)).toEqual({
      ok: false,
      reason: 'bad-checksum',
    });
  });

  it('refuses an event more than five minutes from now, either way (our replay guard)', () => {
    const later = new Date(1530291411 * 1000 + 5 * 60_000 + 1_000);
    const earlier = new Date(1530291411 * 1000 - 5 * 60_000 - 1_000);
    expect(verifyEvent(documentedEvent, eventsSecret, later)).toEqual({ ok: false, reason: 'stale' });
    expect(verifyEvent(documentedEvent, eventsSecret, earlier)).toEqual({ ok: false, reason: 'stale' });
  });

  it('refuses a property that is missing or not a value, and an empty list', () => {
    const missing = {
      ...documentedEvent,
      signature: { ...documentedEvent.signature, properties: ['transaction.nothing'] },
    };
    expect(verifyEvent(missing, eventsSecret, atEventTime)).toEqual({ ok: false, reason: 'unsignable' });
    expect(eventProperty(documentedEvent.data, 'transaction')).toBeNull();
    expect(eventProperty(documentedEvent.data, 'transaction.__proto__')).toBeNull();
    const none = { ...documentedEvent, signature: { ...documentedEvent.signature, properties: [] } };
    expect(verifyEvent(none, eventsSecret, atEventTime)).toEqual({ ok: false, reason: 'unsignable' });
  });

  it('stringifies integers without decimals', () => {
    expect(eventProperty({ transaction: { amount_in_cents: 4490000 } }, 'transaction.amount_in_cents')).toBe('4490000');
  });

  it('sameHex: a shorter or longer checksum is a mismatch', () => {
    const sum = documentedEvent.signature.checksum;
    expect(sameHex(sum, sum.slice(1))).toBe(false);
    expect(sameHex(sum, `${sum}0`)).toBe(false);
    expect(sameHex(sum, '')).toBe(false);
  });
});
