import { expect, it } from 'vitest';
import { paymentOutcome } from '../../../src-server/wallet/apply-payment';

const expiresAt = new Date('2026-12-08T05:00:00Z');
const before = new Date('2026-12-08T04:59:00Z');
const after = new Date('2026-12-08T05:01:00Z');

it('pays on time what was paid by the expiry, even when the sweep already wrote vencida', () => {
  expect(paymentOutcome('pendiente', expiresAt, before)).toBe('paid');
  // An offline counter took it before the expiry and synced after the sweep.
  expect(paymentOutcome('vencida', expiresAt, before)).toBe('paid');
  expect(paymentOutcome('pendiente', expiresAt, after)).toBe('late');
  expect(paymentOutcome('vencida', expiresAt, after)).toBe('late');
  expect(paymentOutcome('anulada', expiresAt, before)).toBe('late');
  expect(paymentOutcome('pagada', expiresAt, before)).toBe('extra');
});
