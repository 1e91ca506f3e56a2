import { parseArgs } from 'node:util';
import { openReplicaStore, replicaNow } from '../../tests/support/replica-store';
import { cashierHarness } from '../../tests/support/cashier-harness';
import { TcpReceiptPrinter } from '../../tests/support/tcp-receipt-printer';
import { tempDir } from '../../tests/support/temp-dir';
import { countOption, Latencies } from '../support/latency';
import type { BenchContext, Metrics } from '../suite';
import { testStaffPepper } from '../../tests/support/staff-pepper';

/**
 * `cashier`, on a real device store (WAL, synchronous=FULL) with a replica of 20,000
 * subscribers and a receipt printer on a loopback socket:
 *
 * - `cashier.commit_p99_ms`: «Cobrar» on a device without a receipt printer — checks, the
 *   payment, its receipt number and its outbox event committed — beside
 *   `cashier.raw_commit_p99_ms`: one bare INSERT committed in its own transaction.
 * - `cashier.commit_to_printer_bytes_p99_ms`: «Cobrar» until the receipt's last byte (its cut)
 *   is on the printer's socket: commit, ESC/POS encoding, the persisted job, DLE EOT status
 *   before and after.
 *
 * Options: --payments N (500).
 */
export const name = 'cashier';

export async function run(ctx: BenchContext): Promise<Metrics> {
  const { values } = parseArgs({ args: [...ctx.args], strict: false, options: { payments: { type: 'string' } } });
  const payments = countOption(values, 'payments', 500);
  const dir = tempDir('bench-cashier');
  const printer = await TcpReceiptPrinter.start();
  const stoppers: (() => Promise<void>)[] = [];
  try {
    ctx.log('réplica de 20.000 suscriptores…');
    const store = await openReplicaStore(dir.path, { subscribers: 20_000, staffPepper: testStaffPepper });
    stoppers.push(() => Promise.resolve(store.close()));
    const bills = store.sqlite
      .prepare(
        "SELECT bill_number AS billNumber, codigo_interno AS codigoInterno, total FROM bills WHERE state IN ('pendiente', 'vencida') LIMIT ?",
      )
      .all(payments * 2) as { billNumber: number; codigoInterno: number; total: number }[];
    const harnessFor = (address: string | null) => {
      const h = cashierHarness(store, address, () => replicaNow, { register: (stop) => stoppers.push(stop) });
      return h;
    };
    const open = async (h: ReturnType<typeof harnessFor>): Promise<string> => {
      const signed = await h.cashier.signIn({ username: 'cajero1', password: 'Cajero1.Demo' });
      if (!signed.ok) throw new Error(signed.error.message);
      if (signed.value.openSession === null) {
        const opened = await h.cashier.openSession({ staffSession: signed.value.staffSession, openingFloat: 100_000 });
        if (!opened.ok) throw new Error(opened.error.message);
      }
      return signed.value.staffSession;
    };

    ctx.log(`${payments} cobros sin impresora…`);
    const bare = harnessFor(null);
    const bareSession = await open(bare);
    const commitLatency = new Latencies();
    for (let i = 0; i < payments; i += 1) {
      const bill = bills[i];
      if (bill === undefined) throw new Error('faltan facturas');
      const started = performance.now();
      const taken = await bare.cashier.takePayment({
        staffSession: bareSession,
        codigoInterno: bill.codigoInterno,
        billNumber: bill.billNumber,
        tenders: [{ kind: 'cash', received: bill.total }],
      });
      commitLatency.add(performance.now() - started);
      if (!taken.ok) throw new Error(taken.error.message);
    }
    store.sqlite.exec('CREATE TABLE IF NOT EXISTS bench_raw (id INTEGER PRIMARY KEY, payload TEXT NOT NULL)');
    const insert = store.sqlite.prepare('INSERT INTO bench_raw (payload) VALUES (?)');
    const rawLatency = new Latencies();
    for (let i = 0; i < payments; i += 1)
      rawLatency.time(() => store.sqlite.transaction(() => insert.run(`{"n":${i}}`)).immediate());
    store.sqlite.exec('DROP TABLE bench_raw');

    ctx.log(`${payments} cobros con recibo en la impresora de red…`);
    const printing = harnessFor(printer.address);
    const printingSession = await open(printing);
    const toBytes = new Latencies();
    for (let i = 0; i < payments; i += 1) {
      const bill = bills[payments + i];
      if (bill === undefined) throw new Error('faltan facturas');
      const before = printer.received.length;
      const started = performance.now();
      const taken = await printing.cashier.takePayment({
        staffSession: printingSession,
        codigoInterno: bill.codigoInterno,
        billNumber: bill.billNumber,
        tenders: [{ kind: 'cash', received: bill.total }],
      });
      if (!taken.ok || taken.value.jobId === null)
        throw new Error(taken.ok ? 'sin trabajo de impresión' : taken.error.message);
      const job = store.sqlite
        .prepare('SELECT length(content) FROM print_jobs WHERE id = ?')
        .pluck()
        .get(taken.value.jobId) as number;
      await printer.waitFor(before + job, 10_000);
      toBytes.add(performance.now() - started);
    }
    return {
      'cashier.commit_p99_ms': commitLatency.percentile(99),
      'cashier.commit_p50_ms': commitLatency.percentile(50),
      'cashier.raw_commit_p99_ms': rawLatency.percentile(99),
      'cashier.commit_to_printer_bytes_p99_ms': toBytes.percentile(99),
      'cashier.commit_to_printer_bytes_p50_ms': toBytes.percentile(50),
    };
  } finally {
    for (const stop of stoppers.reverse()) await stop();
    await printer.stop();
    dir.remove();
  }
}
