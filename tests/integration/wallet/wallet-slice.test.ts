import { describe, expect, it } from 'vitest';
import type { OpInput, OpName, OpOutput } from '../../../src-shared/api/contract';
import type { AppCore } from '../../../src-main/app-core';
import { walletOffline } from '../../../src-main/wallet/wallet-messages';
import type { DatabaseVariant } from '../../support/postgres';
import { enrolledDevice } from '../../support/sync-support';
import { newHolder, startWalletServer } from '../../support/wallet-server';

/**
 * The kiosk's wallet slice through the real dispatcher of a whole app core, enrolled on a real
 * central server: each operation reaches the server with the device's token and comes back as
 * the screen takes it (PDFs as bytes); the dispatcher refuses other modes and loose input; without
 * the server the citizen reads that the prepaid service needs it.
 */
const pglite: DatabaseVariant = { kind: 'pglite', freshDatabaseUrl: async () => null };

async function ok<K extends OpName>(core: AppCore, op: K, input: OpInput<K>): Promise<OpOutput<K>> {
  const result = await core.dispatch(op, input);
  if (!result.ok) throw new Error(`${op}: ${JSON.stringify(result.error)}`);
  return result.value as OpOutput<K>;
}

describe('wallet slice', () => {
  it(
    'relays a whole recharge, its volante, checkout, statement and PDF from a kiosk',
    { timeout: 120_000 },
    async () => {
      const server = await startWalletServer(pglite);
      const kiosk = await enrolledDevice(server.t, { mode: 'kiosk' });

      const terms = await ok(kiosk, 'wallet.terms', {});
      expect(terms).toEqual({
        version: '2026-1',
        title: 'Términos y condiciones de uso - Prepago de Servicios',
        text: expect.any(String),
      });
      const started = await ok(kiosk, 'wallet.start', {
        termsVersion: terms.version,
        docType: 'CC',
        docNumber: '1000000002',
      });
      expect(started).toMatchObject({ known: false, holder: null });
      const liquidation = await ok(kiosk, 'wallet.createLiquidation', {
        acceptanceId: started.acceptanceId,
        amount: 100_000,
        holder: newHolder,
      });
      expect(liquidation).toMatchObject({ number: 100001, state: 'pendiente', amount: 100_000 });
      expect(
        await ok(kiosk, 'wallet.recover', {
          docType: 'CC',
          docNumber: '1000000002',
          recoveryCode: liquidation.recoveryCode,
        }),
      ).toEqual(liquidation);

      const volante = await ok(kiosk, 'wallet.volante', {
        liquidationId: liquidation.liquidationId,
        recoveryCode: liquidation.recoveryCode,
      });
      expect(volante.fileName).toBe('volante-100001.pdf');
      expect(volante.bytes).toBeInstanceOf(Uint8Array);
      expect(Buffer.from(volante.bytes).subarray(0, 5).toString('latin1')).toBe('%PDF-');

      const checkout = await ok(kiosk, 'wallet.checkout', {
        liquidationId: liquidation.liquidationId,
        recoveryCode: liquidation.recoveryCode,
      });
      expect(await ok(kiosk, 'wallet.checkoutState', { reference: checkout.reference })).toEqual({
        status: 'CREATED',
        liquidationState: 'pendiente',
      });

      await server.pay(liquidation.liquidationId, 100_000, 'K7MR-PX4W-9TQB');
      const credentials = { docType: 'CC', docNumber: '1000000002', clave: 'K7MR-PX4W-9TQB' } as const;
      expect((await ok(kiosk, 'wallet.statement', credentials)).balance).toBe(100_000);
      const pdf = await ok(kiosk, 'wallet.statementPdf', credentials);
      expect(Buffer.from(pdf.bytes).subarray(0, 5).toString('latin1')).toBe('%PDF-');
      expect(
        (
          await ok(kiosk, 'wallet.updateContact', {
            ...credentials,
            contact: { ...newHolder.contact, mobile: '3115550000' },
          })
        ).holder.contact.mobile,
      ).toBe('3115550000');
      expect((await ok(kiosk, 'wallet.requestNewClave', { docType: 'CC', docNumber: '52000111' })).message).toContain(
        'Si la identificación tiene un prepago',
      );

      // The server's refusals come back as they are; the dispatcher's own before anything is sent.
      expect(await kiosk.dispatch('wallet.statement', { ...credentials, clave: 'otra' })).toMatchObject({
        ok: false,
        error: { code: 'wrong-credentials' },
      });
      expect(
        await kiosk.dispatch('wallet.start', { termsVersion: '2026-1', docType: 'CC', docNumber: '10A20' }),
      ).toMatchObject({
        ok: false,
        error: { code: 'validation', message: 'El número de cédula de ciudadanía lleva solo números.' },
      });
      expect(
        await kiosk.dispatch('wallet.recover', {
          docType: 'CC',
          docNumber: '1000000002',
          recoveryCode: liquidation.recoveryCode,
          extra: 'x',
        } as never),
      ).toMatchObject({ ok: false, error: { code: 'validation' } });
    },
  );

  it('tells the citizen plainly that the prepaid service needs the central server', { timeout: 90_000 }, async () => {
    const server = await startWalletServer(pglite);
    const kiosk = await enrolledDevice(server.t, { mode: 'kiosk' });
    await server.t.stop();
    expect(await kiosk.dispatch('wallet.terms', {})).toEqual({
      ok: false,
      error: { code: 'offline', message: walletOffline },
    });
  });

  it(
    'is not served at a counter: the dispatcher refuses the kiosk’s wallet operations there',
    { timeout: 90_000 },
    async () => {
      const server = await startWalletServer(pglite);
      const counter = await enrolledDevice(server.t, { mode: 'cashier' });
      expect(await counter.dispatch('wallet.terms', {})).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    },
  );
});
