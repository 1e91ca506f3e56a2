import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { auditLog, outbox } from '../../../db/local/schema';
import { readMigrations } from '../../../src-main/store/migrations';
import { openStore, type Store } from '../../../src-main/store/open-store';
import { commit } from '../../../src-main/store/write-path';
import { tempDir } from '../../support/temp-dir';

let dir: ReturnType<typeof tempDir>;
let store: Store;

beforeEach(() => {
  dir = tempDir('write-path');
  store = openStore({ dir: dir.path, migrations: readMigrations(path.resolve('db/local/migrations')) });
});
afterEach(() => {
  store.close();
  dir.remove();
});

const count = (table: string): number => store.sqlite.prepare(`select count(*) from ${table}`).pluck().get() as number;

/** A real event kind with a marker: a kiosk visit of `n` seconds. */
const visit = (n: number) => ({
  type: 'kiosk.session_ended' as const,
  payload: { reason: 'user' as const, durationSeconds: n, at: '2026-11-22T10:00:00.000Z' },
});
/** The markers of the outbox's events, in id order. */
const markers = (): number[] =>
  (store.sqlite.prepare('select payload from outbox order by id').pluck().all() as string[]).map(
    (p) => (JSON.parse(p) as { durationSeconds: number }).durationSeconds,
  );

describe('single write path', () => {
  it('commits the change and its outbox events together', () => {
    const result = commit(store, (tx) => {
      tx.insert(auditLog)
        .values({ at: '2026-11-22T10:00:00.000Z', action: 'test.change', actor: 'kiosk', details: { n: 1 } })
        .run();
      return { result: 'listo', events: [visit(1), visit(2)] };
    });
    expect(result).toBe('listo');
    expect(count('audit_log')).toBe(1);
    const events = store.db.select().from(outbox).all();
    expect(events.map((e) => [e.type, e.payload, e.state])).toEqual([
      ['kiosk.session_ended', visit(1).payload, 'pending'],
      ['kiosk.session_ended', visit(2).payload, 'pending'],
    ]);
  });

  it('refuses a payload the server would refuse, and keeps nothing of the change', () => {
    expect(() =>
      commit(store, (tx) => {
        tx.insert(auditLog)
          .values({ at: '2026-11-22T10:00:00.000Z', action: 'test.change', actor: 'kiosk', details: {} })
          .run();
        // What a typo or a stale caller would send; the types forbid it, so it is cast here.
        const wrong = {
          type: 'payment.taken',
          payload: { paymentId: 'no-es-un-uuid', amount: -5 },
        } as unknown as ReturnType<typeof visit>;
        return { result: null, events: [wrong] };
      }),
    ).toThrow();
    expect(count('audit_log')).toBe(0);
    expect(count('outbox')).toBe(0);
  });

  it('keeps neither the change nor the event when the change fails half-way', () => {
    expect(() =>
      commit(store, (tx) => {
        tx.insert(auditLog)
          .values({ at: '2026-11-22T10:00:00.000Z', action: 'test.change', actor: 'kiosk', details: {} })
          .run();
        throw new Error('corte de energía simulado');
      }),
    ).toThrow('corte de energía simulado');
    expect(count('audit_log')).toBe(0);
    expect(count('outbox')).toBe(0);
  });

  it('keeps neither when writing the event itself fails', () => {
    expect(() =>
      commit(store, (tx) => {
        tx.insert(auditLog)
          .values({ at: '2026-11-22T10:00:00.000Z', action: 'test.change', actor: 'kiosk', details: {} })
          .run();
        // Reading the payload fails while its outbox row is being written, after the change.
        const payload = { ...visit(1).payload };
        Object.defineProperty(payload, 'durationSeconds', {
          enumerable: true,
          get() {
            throw new Error('fallo al escribir el evento');
          },
        });
        return { result: null, events: [{ type: 'kiosk.session_ended', payload }] };
      }),
    ).toThrow('fallo al escribir el evento');
    expect(count('audit_log')).toBe(0);
    expect(count('outbox')).toBe(0);
  });

  it('gives events UUIDv7 ids that sort in write order', () => {
    const written: number[] = [];
    for (let i = 0; i < 50; i += 1) {
      commit(store, () => ({ result: null, events: [visit(i)] }));
      written.push(i);
    }
    expect(markers()).toEqual(written);
    const ids = store.sqlite.prepare('select id from outbox').pluck().all() as string[];
    expect(ids.every((id) => /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/.test(id))).toBe(
      true,
    );
  });

  it('gives a new event an id after the newest even when the clock went back since it was written', () => {
    // Written by this device an hour ahead of now, before its clock was set back and the app restarted.
    const ahead = Date.now() + 3_600_000;
    const hex = ahead.toString(16).padStart(12, '0');
    const written = `${hex.slice(0, 8)}-${hex.slice(8)}-7abc-8def-0123456789ab`;
    store.sqlite
      .prepare("insert into outbox (id, type, payload, created_at) values (?, 'kiosk.session_ended', ?, ?)")
      .run(written, JSON.stringify(visit(100).payload), new Date(ahead).toISOString());
    for (let i = 0; i < 3; i += 1) commit(store, () => ({ result: null, events: [visit(i)] }));
    expect(markers()).toEqual([100, 0, 1, 2]);
    const ids = store.sqlite.prepare('select id from outbox').pluck().all() as string[];
    expect(ids.every((id) => /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/.test(id))).toBe(
      true,
    );
  });
});
