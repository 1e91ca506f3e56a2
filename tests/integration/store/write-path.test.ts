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

describe('single write path', () => {
  it('commits the change and its outbox events together', () => {
    const result = commit(store, (tx) => {
      tx.insert(auditLog).values({ at: '2026-11-22T10:00:00.000Z', action: 'test.change', actor: 'kiosk', details: { n: 1 } }).run();
      return { result: 'listo', events: [{ type: 'test.changed', payload: { n: 1 } }, { type: 'test.also', payload: { n: 2 } }] };
    });
    expect(result).toBe('listo');
    expect(count('audit_log')).toBe(1);
    const events = store.db.select().from(outbox).all();
    expect(events.map((e) => [e.type, e.payload, e.state])).toEqual([
      ['test.changed', { n: 1 }, 'pending'],
      ['test.also', { n: 2 }, 'pending'],
    ]);
  });

  it('keeps neither the change nor the event when the change fails half-way', () => {
    expect(() =>
      commit(store, (tx) => {
        tx.insert(auditLog).values({ at: '2026-11-22T10:00:00.000Z', action: 'test.change', actor: 'kiosk', details: {} }).run();
        throw new Error('corte de energía simulado');
      }),
    ).toThrow('corte de energía simulado');
    expect(count('audit_log')).toBe(0);
    expect(count('outbox')).toBe(0);
  });

  it('keeps neither when writing the event itself fails', () => {
    expect(() =>
      commit(store, (tx) => {
        tx.insert(auditLog).values({ at: '2026-11-22T10:00:00.000Z', action: 'test.change', actor: 'kiosk', details: {} }).run();
        // A payload JSON cannot encode makes the outbox insert throw after the change was written.
        const cyclic: Record<string, unknown> = {};
        cyclic.self = cyclic;
        return { result: null, events: [{ type: 'test.changed', payload: cyclic }] };
      }),
    ).toThrow();
    expect(count('audit_log')).toBe(0);
    expect(count('outbox')).toBe(0);
  });

  it('gives events UUIDv7 ids that sort in write order', () => {
    const types: string[] = [];
    for (let i = 0; i < 50; i += 1) {
      commit(store, () => ({ result: null, events: [{ type: `test.e${String(i).padStart(2, '0')}`, payload: {} }] }));
      types.push(`test.e${String(i).padStart(2, '0')}`);
    }
    const rows = store.sqlite.prepare('select id, type from outbox order by id').all() as { id: string; type: string }[];
    expect(rows.map((r) => r.type)).toEqual(types);
    expect(rows.every((r) => /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/.test(r.id))).toBe(true);
  });

  it('gives a new event an id after the newest even when the clock went back since it was written', () => {
    // Written by this device an hour ahead of now, before its clock was set back and the app restarted.
    const ahead = Date.now() + 3_600_000;
    const hex = ahead.toString(16).padStart(12, '0');
    const written = `${hex.slice(0, 8)}-${hex.slice(8)}-7abc-8def-0123456789ab`;
    store.sqlite.prepare("insert into outbox (id, type, payload, created_at) values (?, 'test.before', '{}', ?)").run(written, new Date(ahead).toISOString());
    for (let i = 0; i < 3; i += 1) commit(store, () => ({ result: null, events: [{ type: `test.after${i}`, payload: {} }] }));
    const rows = store.sqlite.prepare('select id, type from outbox order by id').all() as { id: string; type: string }[];
    expect(rows.map((r) => r.type)).toEqual(['test.before', 'test.after0', 'test.after1', 'test.after2']);
    expect(rows.every((r) => /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/.test(r.id))).toBe(true);
  });
});
