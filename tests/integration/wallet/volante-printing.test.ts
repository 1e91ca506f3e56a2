import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import type { AppCore } from '../../../src-main/app-core';
import type { OpInput, OpName, OpOutput } from '../../../src-shared/api/contract';
import { GS } from '../../../src-shared/domain/gs1-128';
import { createEnrollmentCode } from '../../../src-server/devices/admin';
import { decodeEscpos, printedLines } from '../../support/escpos-decoder';
import { decodeBarcodes } from '../../support/poppler-zbar';
import type { DatabaseVariant } from '../../support/postgres';
import { TcpReceiptPrinter } from '../../support/tcp-receipt-printer';
import { startTestCore, testConfig } from '../../support/test-app';
import { tempDir } from '../../support/temp-dir';
import { newHolder, startWalletServer } from '../../support/wallet-server';

/**
 * «Imprimir el volante» on a kiosk that has only a receipt printer (issue 13, item 4): the
 * central server answers the volante's facts, the kiosk prints the thermal volante on a real
 * socket to a fake EPSON printer, and the printed barcode decodes with zbar to the GS1-128 of
 * that liquidación (the wallet's GLN, its number, amount and due date) — the same element string
 * the server's PDF draws. A kiosk without a printer is told so; a wrong recovery code prints nothing.
 */
const pglite: DatabaseVariant = { kind: 'pglite', freshDatabaseUrl: async () => null };

async function value<K extends OpName>(core: AppCore, op: K, input: OpInput<K>): Promise<OpOutput<K>> {
  const result = await core.dispatch(op, input);
  if (!result.ok) throw new Error(`${op}: ${JSON.stringify(result.error)}`);
  return result.value as OpOutput<K>;
}

async function kiosk(
  server: Awaited<ReturnType<typeof startWalletServer>>,
  printers: Record<string, string>,
): Promise<AppCore> {
  const dir = tempDir('volante-kiosk');
  mkdirSync(dir.path, { recursive: true });
  writeFileSync(path.join(dir.path, 'ventanilla.json'), JSON.stringify({ printers }));
  const core = startTestCore(testConfig(dir.path), server.t.server.url);
  onTestFinished(async () => {
    await core.stop();
    dir.remove();
  });
  const { code } = await createEnrollmentCode(server.t.server.database, { deviceName: 'Kiosco 1', mode: 'kiosk' });
  expect((await core.dispatch('device.enroll', { code })).ok).toBe(true);
  return core;
}

describe('the volante printed at a kiosk', () => {
  it(
    'prints the thermal volante with the liquidación’s GS1-128 on a receipt-only kiosk',
    { timeout: 120_000 },
    async () => {
      const printer = await TcpReceiptPrinter.start();
      onTestFinished(() => printer.stop());
      const server = await startWalletServer(pglite);
      const core = await kiosk(server, { receipt: printer.address });

      const terms = await value(core, 'wallet.terms', {});
      const started = await value(core, 'wallet.start', {
        termsVersion: terms.version,
        docType: 'CC',
        docNumber: '1000000002',
      });
      const liquidation = await value(core, 'wallet.createLiquidation', {
        acceptanceId: started.acceptanceId,
        amount: 85_000,
        holder: newHolder,
      });
      const wrongCode = liquidation.recoveryCode === 'ABCDEF' ? 'ABCDEG' : 'ABCDEF';
      const refused = await core.dispatch('wallet.printVolante', {
        liquidationId: liquidation.liquidationId,
        recoveryCode: wrongCode,
      });
      expect(refused.ok).toBe(false);
      expect(printer.received.length).toBe(0);

      const printed = await value(core, 'wallet.printVolante', {
        liquidationId: liquidation.liquidationId,
        recoveryCode: liquidation.recoveryCode,
      });
      expect(printed.printer).toBe('receipt');
      await expect
        .poll(
          async () => {
            const job = await value(core, 'print.job', { jobId: printed.jobId });
            return job.state;
          },
          { timeout: 20_000 },
        )
        .toBe('done');

      const events = decodeEscpos(printer.received);
      const lines = printedLines(events);
      expect(lines.join('\n')).toContain(String(liquidation.number));
      expect(lines.some((line) => /\$ 85\.000/.test(line))).toBe(true);
      expect(lines.join('\n')).toContain(liquidation.recoveryCode);
      const raster = events.find((event) => event.kind === 'raster');
      if (raster?.kind !== 'raster') throw new Error('no barcode raster printed');
      const file = path.join(tempDir('volante-raster').path, 'volante.png');
      writeFileSync(file, raster.png);
      const due = liquidation.expiresAt.slice(0, 10).replace(/-/g, '');
      const [symbol] = (await decodeBarcodes(file)).symbols;
      expect(symbol).toMatch(
        new RegExp(
          `^415${server.config.recaudoGln}8020${String(liquidation.number).padStart(10, '0')}${GS}39000000085000${GS}96\\d{8}$`,
        ),
      );
      // The due date is the Bogotá day the liquidación expires (UTC may already be the next day).
      expect(Math.abs(Number(symbol?.slice(-8)) - Number(due))).toBeLessThanOrEqual(1);
    },
  );

  it('tells a kiosk without a printer to take the number and code instead', { timeout: 120_000 }, async () => {
    const server = await startWalletServer(pglite);
    const core = await kiosk(server, {});
    const terms = await value(core, 'wallet.terms', {});
    const started = await value(core, 'wallet.start', {
      termsVersion: terms.version,
      docType: 'CC',
      docNumber: '1000000002',
    });
    const liquidation = await value(core, 'wallet.createLiquidation', {
      acceptanceId: started.acceptanceId,
      amount: 85_000,
      holder: newHolder,
    });
    expect(
      await core.dispatch('wallet.printVolante', {
        liquidationId: liquidation.liquidationId,
        recoveryCode: liquidation.recoveryCode,
      }),
    ).toMatchObject({
      ok: false,
      error: { code: 'printer-offline', message: expect.stringContaining('no tiene impresora') },
    });
  });
});
