import { getTableConfig as pgTable } from 'drizzle-orm/pg-core';
import { getTableConfig as sqliteTable } from 'drizzle-orm/sqlite-core';
import { describe, expect, it } from 'vitest';
import * as local from '../../../db/local/schema';
import * as server from '../../../db/server/schema';
import { replicaTables } from '../../../src-main/sync/replica-tables';
import { replicatedTables } from '../../../src-shared/server-api/sync-api';

/**
 * A replicated table is described for sync once (src-main/sync/replica-tables.ts: columns and
 * kinds); the device's drizzle table and the server's must agree with that description, so a
 * column added on one side and forgotten on another fails here rather than in the field.
 */
const localTables = {
  subscribers: local.subscribers,
  bills: local.bills,
  payments: local.payments,
  staff_users: local.staffUsers,
  settings: local.settings,
};
const serverTables = {
  subscribers: server.subscribers,
  bills: server.bills,
  payments: server.payments,
  staff_users: server.staffUsers,
  settings: server.settings,
};

describe('replicated tables', () => {
  it('are the same list for the feed, the device and the server', () => {
    expect(Object.keys(replicaTables).sort()).toEqual([...replicatedTables].sort());
    expect(Object.keys(localTables).sort()).toEqual([...replicatedTables].sort());
  });

  it.each(replicatedTables)(
    '%s: the device table has exactly the described columns, and the server has each of them',
    (table) => {
      const spec = replicaTables[table];
      const described = spec.columns.map(([column]) => column).sort();
      const device = sqliteTable(localTables[table]);
      expect(device.name).toBe(table);
      expect(device.columns.map((c) => c.name).sort()).toEqual(described);
      const onServer = pgTable(serverTables[table]);
      expect(onServer.name).toBe(table);
      const serverColumns = new Set(onServer.columns.map((c) => c.name));
      for (const column of described) expect(serverColumns.has(column), `${table}.${column} on the server`).toBe(true);
      // The key the feed carries is the primary key on both sides.
      expect(device.columns.find((c) => c.name === spec.key)?.primary).toBe(true);
      expect(onServer.columns.find((c) => c.name === spec.key)?.primary).toBe(true);
    },
  );
});
