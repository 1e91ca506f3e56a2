/**
 * A counter's app core in a process of its own, for fault tests that `kill -9` it or move its
 * clock: started with its data dir, its server URL and a clock offset in ms (0: the real time),
 * it prints `ready`, then takes commands on stdin, one JSON object a line, and answers each on
 * stdout as one JSON line with the same `id`:
 *
 * - `{ id, op, input }`: the contract operation through the app's dispatcher → `{ id, result }`;
 * - `{ id, clock: ms }`: the wall clock moves to the real time plus `ms` → `{ id, clock }`;
 * - `{ id, loop: { username, password } }`: signs in, opens the cash session if none is open,
 *   then takes a cash payment after another for the next owed bill this counter has not charged,
 *   through `cashier.takePayment`, printing `{ paid: { id, receiptNumber, jobId } }` once each
 *   has returned and going on once its receipt has printed, until killed (or `{ refused: error }`,
 *   and stops).
 *
 * SIGTERM stops the core cleanly. `npm test` never runs this file directly.
 */
import { shiftClock } from './shifted-clock';
import { createInterface } from 'node:readline';
import type { Dispatch } from '../../../src-main/api/dispatcher';
import type { Store } from '../../../src-main/store/open-store';
import { quickSync, startTestCore, testConfig } from '../test-app';

const [dataDir, serverUrl, clockOffset = '0'] = process.argv.slice(2);
if (dataDir === undefined || serverUrl === undefined)
  throw new Error('usage: counter-process <dataDir> <serverUrl> [clockOffsetMs]');
shiftClock(Number(clockOffset));
const core = startTestCore(testConfig(dataDir), serverUrl, quickSync);
const say = (value: unknown): void => void process.stdout.write(`${JSON.stringify(value)}\n`);
process.stdout.write('ready\n');

interface Command {
  readonly id: number;
  readonly op?: string;
  readonly input?: unknown;
  readonly clock?: number;
  readonly loop?: { readonly username: string; readonly password: string };
}

createInterface({ input: process.stdin }).on('line', (line) => {
  const command = JSON.parse(line) as Command;
  if (command.clock !== undefined) {
    shiftClock(command.clock);
    say({ id: command.id, clock: command.clock });
  } else if (command.loop !== undefined) {
    // A loop that stops on an error says why on stdout, where the test reads it.
    payments(core.dispatch, core.store, command.loop).catch((error: unknown) =>
      say({ refused: { code: 'crashed', message: error instanceof Error ? error.message : String(error) } }),
    );
  } else if (command.op !== undefined) {
    void core.dispatch(command.op, command.input).then((result) => say({ id: command.id, result }));
  }
});

async function payments(
  dispatch: Dispatch,
  store: Store,
  staff: { username: string; password: string },
): Promise<void> {
  const signed = await dispatch('cashier.signIn', staff);
  if (!signed.ok) throw new Error(`sign-in refused: ${signed.error.message}`);
  const { staffSession, openSession } = signed.value as { staffSession: string; openSession: unknown };
  if (openSession === null) {
    const opened = await dispatch('cashier.openSession', { staffSession, openingFloat: 100_000 });
    if (!opened.ok) throw new Error(`opening refused: ${opened.error.message}`);
  }
  const nextBill = store.sqlite.prepare(
    `SELECT bill_number AS billNumber, codigo_interno AS codigoInterno, total FROM bills
     WHERE state IN ('pendiente', 'vencida') AND bill_number NOT IN (SELECT bill_number FROM cashier_payments) ORDER BY bill_number LIMIT 1`,
  );
  for (;;) {
    const bill = nextBill.get() as { billNumber: number; codigoInterno: number; total: number } | undefined;
    if (bill === undefined) throw new Error('no bill left to charge');
    const result = await dispatch('cashier.takePayment', {
      staffSession,
      codigoInterno: bill.codigoInterno,
      billNumber: bill.billNumber,
      tenders: [{ kind: 'cash', received: bill.total }],
    });
    if (!result.ok) {
      say({ refused: result.error });
      return;
    }
    const taken = result.value as { payment: { id: string; receiptNumber: string }; jobId: string | null };
    say({ paid: { id: taken.payment.id, receiptNumber: taken.payment.receiptNumber, jobId: taken.jobId } });
    // As at a real counter, the next payment comes once the receipt is in the citizen's hand.
    if (taken.jobId !== null) await printed(dispatch, taken.jobId);
  }
}

async function printed(dispatch: Dispatch, jobId: string): Promise<void> {
  for (;;) {
    const job = await dispatch('print.job', { jobId });
    if (!job.ok || ['done', 'failed', 'unknown'].includes((job.value as { state: string }).state)) return;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

process.on('SIGTERM', () => {
  void core.stop().then(() => process.exit(0));
});
