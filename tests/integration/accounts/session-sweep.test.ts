import { randomUUID } from 'node:crypto';
import { expect, it } from 'vitest';
import { openSession } from '../../../src-server/accounts/account-sessions';
import type { SqlExecutor } from '../../../src-server/db/sql-executor';
import { describeEachServerDatabase } from '../../support/postgres';
import { startTestServer } from '../../support/server-harness';

/** A citizen account with the columns the table requires; the sweep never reads the rest. */
async function insertAccount(exec: SqlExecutor): Promise<string> {
  const id = randomUUID();
  await exec.query(
    `INSERT INTO citizen_accounts (id, doc_type, doc_number, first_names, last_names, email, mobile, address, municipality, password_hash)
     VALUES ($1, 'CC', $2, 'Ana', 'Prueba', $3, '3001234567', 'Calle 1 # 2-3', 'Ibagué', 'x')`,
    [id, String(Date.now() % 1e9), `${id}@example.test`],
  );
  return id;
}

const sessionCount = async (exec: SqlExecutor): Promise<number> =>
  Number((await exec.query<{ n: string }>('SELECT count(*) AS n FROM account_sessions')).rows[0]?.n);

describeEachServerDatabase('citizen sessions that ended are swept', (variant) => {
  it('deletes sessions past their idle or total limit as new ones open, at most every ten minutes', async () => {
    const t = await startTestServer(variant, { logLevel: 'silent' });
    const exec = t.server.database.exec;
    const account = await insertAccount(exec);
    const t0 = new Date('2026-12-03T14:00:00.000Z');
    const at = (minutes: number) => new Date(t0.getTime() + minutes * 60_000);

    await openSession(exec, account, randomUUID(), false, t0);
    expect(await sessionCount(exec)).toBe(1);

    // Three hours later the first session is past its two hours: the next login sweeps it.
    await openSession(exec, account, randomUUID(), false, at(180));
    expect(await sessionCount(exec)).toBe(1);

    // Five minutes after a sweep, none runs: 180's session stays though nobody will use it.
    await openSession(exec, account, randomUUID(), false, at(185));
    expect(await sessionCount(exec)).toBe(2);
    // At 200 one does: 180's, idle for 20 minutes, goes; 185's, idle for exactly 15, stays.
    await openSession(exec, account, randomUUID(), false, at(200));
    expect(await sessionCount(exec)).toBe(2);
    const { rows } = await exec.query<{ created_at: Date | string }>(
      'SELECT created_at FROM account_sessions ORDER BY created_at',
    );
    expect(rows.map((r) => new Date(r.created_at).toISOString())).toEqual([
      at(185).toISOString(),
      at(200).toISOString(),
    ]);
  });
});
