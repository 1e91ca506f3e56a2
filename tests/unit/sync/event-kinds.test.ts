import { describe, expect, it } from 'vitest';
import { eventKindsByMode, moneyEventKinds } from '../../../src-shared/sync/event-permissions';
import { syncEventSchemas } from '../../../src-shared/sync/events';

/**
 * Every kind of outbox event has one schema (src-shared/sync/events.ts), used by the device's
 * write path before it writes and by the server before it applies; and every kind is pushed by
 * some device mode — an event nobody may push would be parked on every device that wrote it.
 */
describe('outbox event kinds', () => {
  const kinds = Object.keys(syncEventSchemas).sort();

  it('are exactly the kinds some device mode may push', () => {
    expect([...new Set(Object.values(eventKindsByMode).flat())].sort()).toEqual(kinds);
  });

  it('name money events the kiosk never pushes', () => {
    for (const kind of moneyEventKinds) expect(kinds).toContain(kind);
    for (const kind of eventKindsByMode.kiosk) expect(moneyEventKinds).not.toContain(kind);
  });

  it('refuse a payload of another kind', () => {
    const visit = { reason: 'idle', durationSeconds: 3, at: '2026-12-03T10:00:00.000Z' };
    expect(syncEventSchemas['kiosk.session_ended'].safeParse(visit).success).toBe(true);
    for (const kind of moneyEventKinds) expect(syncEventSchemas[kind].safeParse(visit).success, kind).toBe(false);
  });
});
