import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { expect, it, onTestFinished } from 'vitest';
import { v7 as uuidv7 } from 'uuid';
import type { AppCore } from '../../../src-main/app-core';
import { formatCop } from '../../../src-shared/domain/money';
import { ChaosProxy } from '../../support/chaos-proxy';
import { pdfText } from '../../support/poppler-zbar';
import { describeEachServerDatabase } from '../../support/postgres';
import { startTestServer, type TestServer } from '../../support/server-harness';
import { callOk, enrolledDevice, seedServer, until } from '../../support/sync-support';
import { tempDir } from '../../support/temp-dir';

/**
 * The entrega de recaudo (docs/field-mode.md) against a real central server (PGlite and
 * PostgreSQL), the field laptop's real store and sync, the network cut by a loopback proxy:
 * three bills collected offline, one of them paid at the bank meanwhile; back online the
 * check sends them, shows the saldo a favor the server made, and a supervisor's blind count
 * with $ 10.000 missing is recorded on both sides to the peso. Refusals beside it.
 */
const collector = { username: 'cajero1', password: '482615' };
const supervisor = { username: 'supervisor1', password: 'Supervisor1.Demo' };

interface Owed {
  readonly billNumber: number;
  readonly codigoInterno: number;
  readonly total: number;
  readonly period: string;
}

async function laptopBehind(t: TestServer): Promise<{ core: AppCore; proxy: ChaosProxy }> {
  const proxy = await ChaosProxy.start(t.server.url, {
    reset: 0,
    stall: 0,
    stallMs: 0,
    refuse: 1,
    resetWithinBytes: 1,
  });
  proxy.chaos = false;
  onTestFinished(() => proxy.stop());
  const dir = tempDir('field-handover');
  onTestFinished(() => dir.remove());
  writeFileSync(path.join(dir.path, 'ventanilla.json'), JSON.stringify({ device: { mode: 'field' } }));
  const { rows } = await t.server.database.exec.query<{ route: string }>(
    'SELECT left(codigo_ruta, 2) AS route FROM subscribers GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 1',
  );
  const core = await enrolledDevice(t, { dir: dir.path, mode: 'field', scope: rows[0]?.route, serverUrl: proxy.url });
  await until(
    'the route downloaded',
    () => core.meta.get('caughtUpAt'),
    (at) => at !== null,
    90_000,
  );
  return { core, proxy };
}

function owedBills(core: AppCore, n: number): Owed[] {
  return core.store.sqlite
    .prepare(
      `SELECT b.bill_number AS billNumber, b.codigo_interno AS codigoInterno, b.total, b.period FROM bills b
       WHERE b.state IN ('pendiente', 'vencida') AND b.bill_number = (
         SELECT min(o.bill_number) FROM bills o WHERE o.codigo_interno = b.codigo_interno AND o.state IN ('pendiente', 'vencida'))
       ORDER BY b.codigo_interno LIMIT ?`,
    )
    .all(n) as Owed[];
}

describeEachServerDatabase('field: the entrega de recaudo', (variant) => {
  it(
    'hands three offline payments over, one also paid at the bank, with a difference, matching the server to the peso',
    { timeout: 240_000 },
    async () => {
      const t = await startTestServer(variant, { logLevel: 'silent' });
      await seedServer(t, 400);
      const exec = t.server.database.exec;
      const { core, proxy } = await laptopBehind(t);
      const { staffSession } = await callOk(core, 'field.signIn', collector);
      expect((await callOk(core, 'field.prepare', { staffSession, redownload: false })).ok).toBe(true);
      const day = await callOk(core, 'field.openDay', { staffSession });
      await until(
        'the day’s opening sent',
        () => core.store.sqlite.prepare("SELECT count(*) FROM outbox WHERE state = 'pending'").pluck().get(),
        (n) => n === 0,
        60_000,
      );

      // Out on the route: no network.
      proxy.chaos = true;
      proxy.dropConnections();
      const [a, b, c] = owedBills(core, 3);
      if (a === undefined || b === undefined || c === undefined) throw new Error('fixture: three owed bills');
      const collect = (
        bill: Owed,
        tender:
          { kind: 'cash'; received: number } | { kind: 'transfer'; amount: number; via: string; reference: string },
      ) =>
        callOk(core, 'field.collect', {
          staffSession,
          codigoInterno: bill.codigoInterno,
          billNumber: bill.billNumber,
          amount: bill.total,
          tender,
          notPaidElsewhere: true,
        });
      await collect(a, { kind: 'cash', received: a.total + 5_000 });
      const transfer = await collect(b, { kind: 'transfer', amount: b.total, via: 'Nequi', reference: '88127733' });
      await callOk(core, 'field.flagVoid', {
        staffSession,
        paymentId: transfer.payment.id,
        reason: 'El suscriptor dice que la transferencia salió dos veces',
      });
      await collect(c, { kind: 'cash', received: c.total });
      // Meanwhile bill C is paid at a bank: the server has it, the laptop cannot know.
      await exec.query(
        `INSERT INTO payments (id, codigo_interno, bill_number, period, amount, paid_at, channel, reference)
         VALUES ($1, $2, $3, $4, $5, now(), 'banco', $6)`,
        [uuidv7(), c.codigoInterno, c.billNumber, c.period, c.total, `BANCO-${c.billNumber}`],
      );
      await exec.query("UPDATE bills SET state = 'pagada', paid_at = now() WHERE bill_number = $1", [c.billNumber]);

      const away = await callOk(core, 'field.handoverCheck', { staffSession });
      expect(away.stage).toBe('offline');
      expect(away.message).toMatch(/^El servidor central no responde\./);
      expect(away.days).toEqual([{ id: day.id, date: day.date, payments: 3 }]);
      const early = await core.dispatch('field.handOver', {
        staffSession,
        cash: { '50000': 1 },
        transfer: 0,
        supervisor,
      });
      expect(early.ok).toBe(false);
      if (!early.ok) expect(early.error.message).toMatch(/^Antes de contar, todos los pagos deben estar enviados/);

      // Back at the office.
      proxy.chaos = false;
      const ready = await until(
        'the days sent and checked',
        () => callOk(core, 'field.handoverCheck', { staffSession }),
        (check) => check.stage === 'ready',
        60_000,
      );
      expect(ready.differences).toEqual([]);
      expect(ready.message).toBe(
        'Todos los pagos llegaron al servidor central y coinciden. El supervisor puede contar.',
      );
      expect(ready.credits).toEqual([
        expect.objectContaining({
          codigoInterno: c.codigoInterno,
          period: c.period,
          amount: c.total,
          reason: expect.stringMatching(
            new RegExp(`^Factura ${c.period} ya estaba pagada: .* quedan como saldo a favor\\.$`),
          ),
        }),
      ]);

      // A wrong supervisor, the collector's own PIN, a wrong password: refused, nothing recorded.
      const refusals = [
        { username: 'cajero2', password: 'Cajero2.Demo' },
        { username: 'supervisor1', password: 'no-es-la-clave' },
      ];
      for (const wrong of refusals) {
        const refused = await core.dispatch('field.handOver', {
          staffSession,
          cash: {},
          transfer: 0,
          supervisor: wrong,
        });
        expect(refused.ok, wrong.username).toBe(false);
      }
      const notSupervisor = await core.dispatch('field.handOver', {
        staffSession,
        cash: {},
        transfer: 0,
        supervisor: refusals[0]!,
      });
      if (!notSupervisor.ok)
        expect(notSupervisor.error).toEqual({
          code: 'forbidden',
          message: 'La entrega la recibe un supervisor: escriba el usuario y la contraseña de un supervisor.',
        });
      expect(core.store.sqlite.prepare('SELECT count(*) FROM field_handovers').pluck().get()).toBe(0);
      expect(core.store.sqlite.prepare("SELECT count(*) FROM outbox WHERE type = 'field.handover'").pluck().get()).toBe(
        0,
      );

      // The blind count: cash about $ 10.000 short (the smallest coin is $ 50), the transfer checked.
      const expectedCash = a.total + c.total;
      const counted = Math.floor((expectedCash - 10_000) / 50) * 50;
      const fifties = Math.floor(counted / 50_000);
      const coins = (counted - fifties * 50_000) / 50;
      const short = counted - expectedCash;
      const handed = await callOk(core, 'field.handOver', {
        staffSession,
        cash: { '50000': fifties, '50': coins },
        transfer: b.total,
        supervisor,
      });
      const h = handed.handover;
      expect(h).toMatchObject({
        collector: 'cajero1',
        supervisor: 'supervisor1',
        expectedCash,
        expectedTransfer: b.total,
        countedCash: counted,
        countedTransfer: b.total,
        difference: short,
      });
      expect(h.days).toEqual([expect.objectContaining({ id: day.id, state: 'handed', payments: 3 })]);
      expect(h.notes).toEqual([
        expect.stringMatching(/ya estaba pagada/),
        `Recibo ${transfer.payment.receiptNumber}, código ${b.codigoInterno}: el recaudador lo marcó para anular en la oficina («El suscriptor dice que la transferencia salió dos veces»).`,
      ]);
      expect((await callOk(core, 'field.days', { staffSession })).days[0]?.state).toBe('handed');

      // The report as a PDF, read back.
      const pdf = await callOk(core, 'field.handoverPdf', { staffSession, handoverId: h.id });
      const file = path.join(tempDir('handover-pdf').path, pdf.fileName);
      writeFileSync(file, pdf.bytes);
      const text = await pdfText(file);
      expect(text).toContain('ENTREGA DE RECAUDO');
      expect(text).toMatch(
        new RegExp(
          `DIFERENCIA\\s+${formatCop(short)
            .replace(/[$.]/g, (m) => `\\${m}`)
            .replace(/\s/g, '\\s')}`,
        ),
      );
      expect(text).toContain('Falta dinero frente a los registros.');
      expect(text).toContain('Para la oficina');

      // The server: the day closed, the count kept beside its own figures.
      const server = await until(
        'the handover on the server',
        async () =>
          (
            await exec.query<Record<string, unknown>>(
              `SELECT h.collector, h.supervisor, h.expected_cash, h.expected_transfer, h.counted_cash, h.counted_transfer,
                      h.difference, h.matches_server, d.payments, d.server_payments, d.amount, d.server_amount,
                      s.closed_at IS NOT NULL AS closed
               FROM field_handovers h JOIN field_handover_days d ON d.handover_id = h.id JOIN cash_sessions s ON s.id = d.session_id
               WHERE h.id = $1`,
              [h.id],
            )
          ).rows,
        (rows) => rows.length === 1,
        60_000,
      );
      const amount = a.total + b.total + c.total;
      expect(server[0]).toEqual({
        collector: 'cajero1',
        supervisor: 'supervisor1',
        expected_cash: expectedCash,
        expected_transfer: b.total,
        counted_cash: counted,
        counted_transfer: b.total,
        difference: short,
        matches_server: true,
        payments: 3,
        server_payments: 3,
        amount,
        server_amount: amount,
        closed: true,
      });
      const nothing = await callOk(core, 'field.handoverCheck', { staffSession });
      expect(nothing.stage).toBe('nothing');
      expect(nothing.message).toBe('No tiene días de recaudo por entregar.');
    },
  );
});
