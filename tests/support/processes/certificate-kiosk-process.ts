/**
 * A kiosk's app core in a process of its own, so a fault test can `kill -9` it mid-purchase:
 * started with its (already enrolled) data dir, its server URL and a purchase's input as JSON,
 * it holds the simulated dispenser, buys, prints `bought <purchaseKey>`, waits for a line on
 * stdin, lets the copies out, prints `dispensed` once every copy's outcome is committed, and
 * keeps running (reporting) until killed. `npm test` never runs this file directly.
 */
import { createInterface } from 'node:readline';
import type { OpInput, OpOutput } from '../../../src-shared/api/contract';
import { SimulatedDispenser } from '../../../src-main/devices/dispenser/simulated-dispenser';
import { startKioskCore } from '../kiosk-core';

const [dataDir, serverUrl, purchaseJson] = process.argv.slice(2);
if (dataDir === undefined || serverUrl === undefined || purchaseJson === undefined)
  throw new Error('usage: certificate-kiosk-process <dataDir> <serverUrl> <purchase JSON>');

const dispenser = new SimulatedDispenser();
const release = dispenser.hold();
const core = startKioskCore(dataDir, serverUrl, dispenser);
const bought = await core.dispatch(
  'certificates.purchase',
  JSON.parse(purchaseJson) as OpInput<'certificates.purchase'>,
);
if (!bought.ok) throw new Error(`purchase refused: ${JSON.stringify(bought.error)}`);
const { purchaseKey } = bought.value as OpOutput<'certificates.purchase'>;
process.stdout.write(`bought ${purchaseKey}\n`);
const lines = createInterface({ input: process.stdin });
await new Promise<void>((resolve) => lines.once('line', () => resolve()));
release();
for (;;) {
  const progress = await core.dispatch('certificates.progress', { purchaseKey });
  if (progress.ok && (progress.value as OpOutput<'certificates.progress'>).finished) break;
  await new Promise((resolve) => setTimeout(resolve, 20));
}
process.stdout.write('dispensed\n');
