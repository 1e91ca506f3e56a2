/**
 * A field laptop's app core in a process of its own, for the fault test that `kill -9`s it
 * mid-collection: started with its data dir and its server URL, it prints `ready`, then takes
 * one command on stdin, `{ loop: { username, password } }`: signs in, opens today's collection
 * day, then collects in cash, one after another, the next owed bill of its replica this laptop
 * has not collected, through `field.collect`, printing `{ paid: { id, receiptNumber, jobId } }`
 * once each has returned, until killed (or `{ refused: error }`, and stops; `{ done: true }` once
 * nothing is left to collect).
 *
 * SIGTERM stops the core cleanly. `npm test` never runs this file directly.
 */
import { createInterface } from 'node:readline';
import { quickSync, startTestCore, testConfig } from '../test-app';

const [dataDir, serverUrl] = process.argv.slice(2);
if (dataDir === undefined || serverUrl === undefined) throw new Error('usage: field-process <dataDir> <serverUrl>');
const core = startTestCore(testConfig(dataDir), serverUrl, quickSync);
const say = (value: unknown): void => void process.stdout.write(`${JSON.stringify(value)}\n`);
process.stdout.write('ready\n');

createInterface({ input: process.stdin }).on('line', (line) => {
  const command = JSON.parse(line) as { loop?: { username: string; password: string } };
  if (command.loop === undefined) return;
  collect(command.loop).catch((error: unknown) =>
    say({ refused: { code: 'crashed', message: error instanceof Error ? error.message : String(error) } }),
  );
});

async function collect(staff: { username: string; password: string }): Promise<void> {
  const signed = await core.dispatch('field.signIn', staff);
  if (!signed.ok) throw new Error(`sign-in refused: ${signed.error.message}`);
  const { staffSession } = signed.value as { staffSession: string };
  const opened = await core.dispatch('field.openDay', { staffSession });
  if (!opened.ok) throw new Error(`opening refused: ${opened.error.message}`);
  const nextBill = core.store.sqlite.prepare(
    `SELECT bill_number AS billNumber, codigo_interno AS codigoInterno, total FROM bills
     WHERE state IN ('pendiente', 'vencida') AND bill_number NOT IN (SELECT bill_number FROM cashier_payments)
     ORDER BY bill_number LIMIT 1`,
  );
  for (;;) {
    const bill = nextBill.get() as { billNumber: number; codigoInterno: number; total: number } | undefined;
    if (bill === undefined) return say({ done: true });
    const result = await core.dispatch('field.collect', {
      staffSession,
      codigoInterno: bill.codigoInterno,
      billNumber: bill.billNumber,
      amount: bill.total,
      tender: { kind: 'cash', received: bill.total + 1_000 },
      // The collector asked: the subscriber had not paid it elsewhere.
      notPaidElsewhere: true,
    });
    if (!result.ok) {
      say({ refused: result.error });
      return;
    }
    const taken = result.value as { payment: { id: string; receiptNumber: string }; jobId: string | null };
    say({ paid: { id: taken.payment.id, receiptNumber: taken.payment.receiptNumber, jobId: taken.jobId } });
  }
}

process.on('SIGTERM', () => {
  void core.stop().then(() => process.exit(0));
});
