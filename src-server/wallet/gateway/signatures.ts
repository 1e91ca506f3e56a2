import { createHash, timingSafeEqual } from 'node:crypto';

/**
 * Wompi's two signatures (docs/payment-gateway.md), shared by the real gateway and the demo:
 * both are plain SHA-256 over concatenated text ending in a secret — not HMAC, and never an
 * HMAC of the raw body (that is Wompi El Salvador's different scheme).
 */

const sha256Hex = (text: string): string => createHash('sha256').update(text, 'utf8').digest('hex');

/** What a checkout signs so the amount and reference cannot be changed on the way to the gateway. */
export interface IntegrityFields {
  readonly reference: string;
  readonly amountInCents: number;
  readonly currency: string;
  /** ISO 8601 date after which the gateway refuses the checkout; optional in Wompi. */
  readonly expirationTime?: string;
}

/** `sha256(reference + amount_in_cents + currency [+ expiration_time] + integrity_secret)`, hex. */
export function integritySignature(fields: IntegrityFields, integritySecret: string): string {
  return sha256Hex(
    `${fields.reference}${fields.amountInCents}${fields.currency}${fields.expirationTime ?? ''}${integritySecret}`,
  );
}

/** The signed part of an event: which properties of `data`, the checksum, and the event's own time. */
export interface SignedEvent {
  readonly data: unknown;
  readonly signature: { readonly properties: readonly string[]; readonly checksum: string };
  /** Unix seconds, the envelope's top-level `timestamp`. */
  readonly timestamp: number;
}

/**
 * Reads `path` (`transaction.id`) relative to `data` and stringifies it as Wompi does: integers
 * without decimals, strings as they are. Anything else (missing, an object) is not signable.
 */
export function eventProperty(data: unknown, path: string): string | null {
  let value: unknown = data;
  for (const key of path.split('.')) {
    if (value === null || typeof value !== 'object' || !Object.hasOwn(value, key)) return null;
    value = (value as Record<string, unknown>)[key];
  }
  if (typeof value === 'string') return value;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  if (typeof value === 'boolean') return String(value);
  return null;
}

/**
 * The checksum of an event: each of `properties` in order, read relative to `data`, then the
 * timestamp, then the events secret; SHA-256 hex. Null when a property cannot be read.
 */
export function eventChecksum(
  data: unknown,
  properties: readonly string[],
  timestamp: number,
  eventsSecret: string,
): string | null {
  const values: string[] = [];
  for (const path of properties) {
    const value = eventProperty(data, path);
    if (value === null) return null;
    values.push(value);
  }
  return sha256Hex(`${values.join('')}${timestamp}${eventsSecret}`);
}

/** Our own replay guard: Wompi documents no tolerance, and a retry is signed afresh with a new timestamp. */
export const EVENT_MAX_AGE_MS = 5 * 60_000;

export type EventVerdict =
  { readonly ok: true } | { readonly ok: false; readonly reason: 'bad-checksum' | 'stale' | 'unsignable' };

/**
 * Verifies an event as Wompi documents it: the properties the event itself lists (the list
 * changes with the event type, so it is never hard-coded), case-insensitive hex compared in
 * constant time; then refuses one whose timestamp is more than five minutes from `now`.
 */
export function verifyEvent(event: SignedEvent, eventsSecret: string, now: Date): EventVerdict {
  const { properties, checksum } = event.signature;
  if (properties.length === 0 || !Number.isSafeInteger(event.timestamp)) return { ok: false, reason: 'unsignable' };
  const expected = eventChecksum(event.data, properties, event.timestamp, eventsSecret);
  if (expected === null) return { ok: false, reason: 'unsignable' };
  if (!sameHex(expected, checksum)) return { ok: false, reason: 'bad-checksum' };
  if (Math.abs(now.getTime() - event.timestamp * 1000) > EVENT_MAX_AGE_MS) return { ok: false, reason: 'stale' };
  return { ok: true };
}

/** Constant-time comparison of two hex digests, ignoring case; any length difference is a mismatch. */
export function sameHex(expected: string, given: string): boolean {
  const a = Buffer.from(expected.toLowerCase(), 'utf8');
  const b = Buffer.from(given.toLowerCase(), 'utf8');
  // timingSafeEqual needs equal lengths; compare against itself so the time spent does not depend on `given`.
  if (a.length !== b.length) return timingSafeEqual(a, a) && false;
  return timingSafeEqual(a, b);
}
