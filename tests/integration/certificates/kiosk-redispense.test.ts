import { randomUUID } from 'node:crypto';
import { expect, it } from 'vitest';
import type { KioskPurchaseView, KioskRedispenseView } from '../../../src-shared/api/ops/certificates';
import type { CertificatePurchaseValue } from '../../../src-shared/server-api/certificates-api';
import type { AppCore } from '../../../src-main/app-core';
import { certificateMessages } from '../../../src-main/certificates/certificate-messages';
import { PurchaseRecords } from '../../../src-main/certificates/purchase-records';
import { dispenserConditionMessage } from '../../../src-main/devices/dispenser/dispenser-messages';
import { SimulatedDispenser } from '../../../src-main/devices/dispenser/simulated-dispenser';
import {
  buyerCredentials,
  company,
  companyOffer,
  copyStates,
  enrolledKiosk,
  settledPurchase,
  startChamber,
  walletBalance,
} from '../../support/certificate-kiosk';
import { ChaosProxy } from '../../support/chaos-proxy';
import { describeEachServerDatabase, type DatabaseVariant } from '../../support/postgres';
import { callOk, until } from '../../support/sync-support';
import type { WalletServer } from '../../support/wallet-server';

/**
 * «Volver a entregar un certificado» at the kiosk (docs/certificates-kiosk.md): a copy the
 * dispenser left `unknown` is given back by the central server to the kiosk that sold it, by its
 * verification code, dispensed again without a new charge, and its new outcome settles or
 * refunds it once. Through the dispatcher of a whole app core, enrolled on a real server, with
 * the simulated dispenser and the kiosk's own SQLite store.
 */

/** Buys `copies` copies; each of `faults`, in turn, is how the dispenser ends one. */
async function buy(
  kiosk: AppCore,
  dispenser: SimulatedDispenser,
  faults: readonly ('ok' | 'no-answer' | 'jam')[],
): Promise<KioskPurchaseView> {
  for (const fault of faults) {
    if (fault === 'ok') dispenser.passNext();
    else if (fault === 'no-answer') dispenser.loseNextAnswer();
    else dispenser.jamNext();
  }
  const { matricula, code } = await companyOffer(kiosk);
  const bought = await callOk(kiosk, 'certificates.purchase', {
    ...buyerCredentials,
    matricula,
    certificateCode: code,
    copies: faults.length,
  });
  return settledPurchase(kiosk, bought.purchaseKey);
}

/** The verification code of copy `n` of a purchase. */
function codeOf(purchase: KioskPurchaseView, n: number): string {
  const copy = purchase.copies.find((c) => c.copy === n);
  if (copy === undefined) throw new Error(`no copy ${n}`);
  return copy.verificationCode;
}

/** Follows the copy given again until it ended and the server acknowledged its new outcome. */
async function settledAgain(kiosk: AppCore, given: KioskRedispenseView) {
  const done = await settledPurchase(kiosk, given.purchase.purchaseKey);
  const copy = done.copies.find((c) => c.verificationCode === given.verificationCode);
  if (copy === undefined) throw new Error('the copy given again is not in its purchase');
  return copy;
}

/** Ledger transfers of one kind of certificate move (`certificado-entregado`, `certificado-devuelto`). */
async function transfers(s: WalletServer, kind: string): Promise<number> {
  const rows = await s.query<{ n: string }>(
    'SELECT count(*) AS n FROM ledger_transfers WHERE idempotency_key LIKE $1',
    [`${kind}:%`],
  );
  return Number(rows[0]?.n);
}

const conflict = (message: string) => ({ ok: false, error: { code: 'conflict', message } });

describeEachServerDatabase('«Volver a entregar un certificado» at the kiosk', (variant: DatabaseVariant) => {
  it(
    'a copy left unknown comes out again: delivered on the server, the wallet charged once, and it is never given a third time',
    { timeout: 180_000 },
    async () => {
      const s = await startChamber(variant);
      const dispenser = new SimulatedDispenser();
      const kiosk = await enrolledKiosk(s, dispenser);
      const before = await walletBalance(s);
      const { price } = await companyOffer(kiosk);
      const bought = await buy(kiosk, dispenser, ['ok', 'no-answer']);
      expect(bought.copies.map((c) => c.state)).toEqual(['delivered', 'unknown']);
      expect(await copyStates(s)).toEqual(['delivered', 'unknown']);

      const given = await callOk(kiosk, 'certificates.redispense', { code: codeOf(bought, 2) });
      expect(given.verificationCode).toBe(codeOf(bought, 2));
      // The purchase the kiosk kept, followed by its key as before.
      expect(given.purchase.purchaseKey).toBe(bought.purchaseKey);
      expect(given.purchase.receiptNumber).toBe(bought.receiptNumber);
      // On its way again, no longer unknown, and not yet told to the server.
      expect(given.purchase.copies.map((c) => [c.state, c.reported])).toEqual([
        ['delivered', true],
        [expect.stringMatching(/^(waiting|dispensing)$/), false],
      ]);
      const copy = await settledAgain(kiosk, given);
      expect(copy.state).toBe('delivered');
      expect(await copyStates(s)).toEqual(['delivered', 'delivered']);
      // The same signed PDF as the first time, and no new charge: two copies, two prices.
      expect(dispenser.dispensed).toHaveLength(3);
      expect(Buffer.from(dispenser.dispensed[2]?.content ?? [])).toEqual(
        Buffer.from(dispenser.dispensed[1]?.content ?? []),
      );
      expect(await walletBalance(s)).toBe(before - 2 * price);
      expect(await transfers(s, 'certificado-entregado')).toBe(2);

      // Delivered now: neither copy is handed out again.
      for (const n of [1, 2])
        expect(await kiosk.dispatch('certificates.redispense', { code: codeOf(bought, n) })).toEqual(
          conflict(certificateMessages.redispenseDelivered),
        );
      expect(dispenser.dispensed).toHaveLength(3);
    },
  );

  it(
    'a copy that jams when given again is refunded once, and its code is then refused',
    { timeout: 180_000 },
    async () => {
      const s = await startChamber(variant);
      const dispenser = new SimulatedDispenser();
      const kiosk = await enrolledKiosk(s, dispenser);
      const before = await walletBalance(s);
      const { price } = await companyOffer(kiosk);
      const bought = await buy(kiosk, dispenser, ['no-answer']);
      expect(await walletBalance(s)).toBe(before - price);

      dispenser.jamNext();
      const given = await callOk(kiosk, 'certificates.redispense', { code: codeOf(bought, 1) });
      const copy = await settledAgain(kiosk, given);
      expect(copy).toMatchObject({ state: 'failed', refunded: price, reported: true });
      expect(await copyStates(s)).toEqual(['refunded']);
      expect(await walletBalance(s)).toBe(before);
      expect(await transfers(s, 'certificado-devuelto')).toBe(1);
      expect(await transfers(s, 'certificado-entregado')).toBe(0);
      const mails = await s.mails(`ana.${company.docNumber}@example.com`);
      expect(mails.filter((m) => m.template === 'certificate-refunded')).toHaveLength(1);

      // The dispenser cleared, the refunded code is refused: by the kiosk, which knows it failed…
      dispenser.clearJam();
      expect(await kiosk.dispatch('certificates.redispense', { code: codeOf(bought, 1) })).toEqual(
        conflict(certificateMessages.redispenseNotOut),
      );
      // …and by the server, to a kiosk that no longer keeps the purchase.
      new PurchaseRecords(kiosk.store).remove(bought.purchaseKey);
      expect(await kiosk.dispatch('certificates.redispense', { code: codeOf(bought, 1) })).toEqual(
        conflict('Ese certificado no se entregó y su valor ya se devolvió al prepago: no tiene validez.'),
      );
      expect(dispenser.dispensed).toHaveLength(1);
      expect(await walletBalance(s)).toBe(before);
      expect(await transfers(s, 'certificado-devuelto')).toBe(1);
    },
  );

  it(
    'a kiosk that forgot the purchase (30 days, a new disk) still gives the copy again, with no receipt, and settles it',
    { timeout: 180_000 },
    async () => {
      const s = await startChamber(variant);
      const dispenser = new SimulatedDispenser();
      const kiosk = await enrolledKiosk(s, dispenser);
      const before = await walletBalance(s);
      const { price } = await companyOffer(kiosk);
      const bought = await buy(kiosk, dispenser, ['no-answer']);
      const records = new PurchaseRecords(kiosk.store);
      records.remove(bought.purchaseKey);
      expect(records.all()).toEqual([]);

      // Typed in groups, as people copy codes: the spaces do not count.
      const code = codeOf(bought, 1);
      const given = await callOk(kiosk, 'certificates.redispense', { code: `${code.slice(0, 5)} ${code.slice(5)}` });
      expect(given.verificationCode).toBe(code);
      expect(given.purchase.purchaseKey).not.toBe(bought.purchaseKey);
      expect(given.purchase.receiptNumber).toBe(bought.receiptNumber);
      expect(given.purchase.copies.map((c) => [c.copy, c.verificationCode])).toEqual([[1, code]]);
      const kept = records.get(given.purchase.purchaseKey);
      // Its citizen holds the first receipt: none prints for it.
      expect(kept?.receiptPrinted).toBe(true);

      const copy = await settledAgain(kiosk, given);
      expect(copy.state).toBe('delivered');
      expect(await copyStates(s)).toEqual(['delivered']);
      expect(await walletBalance(s)).toBe(before - price);
      expect(await transfers(s, 'certificado-entregado')).toBe(1);

      // Forgotten again, the delivered code is the server's to refuse.
      records.remove(given.purchase.purchaseKey);
      expect(await kiosk.dispatch('certificates.redispense', { code })).toEqual(
        conflict('Ese certificado ya se entregó: no se vuelve a imprimir.'),
      );
      expect(dispenser.dispensed).toHaveLength(2);
    },
  );

  it(
    'refuses another kiosk’s code, a malformed or unknown one, a copy still at the dispenser and a second tap: nothing comes out twice',
    { timeout: 180_000 },
    async () => {
      const s = await startChamber(variant);
      const dispenser = new SimulatedDispenser();
      const kiosk = await enrolledKiosk(s, dispenser);
      const before = await walletBalance(s);
      const { matricula, code, price } = await companyOffer(kiosk);

      // Another kiosk sold a copy and does not know whether it came out.
      const other = await s.enroll('kiosk', 'Kiosco 2');
      const sold = await s.call(other, 'POST', '/v1/certificates/purchase', {
        ...buyerCredentials,
        purchaseKey: randomUUID(),
        matricula,
        certificateCode: code,
        copies: 1,
      });
      const theirs = (sold.body as { value: CertificatePurchaseValue }).value.copies[0];
      if (theirs === undefined) throw new Error('the other kiosk bought nothing');
      await s.call(other, 'POST', '/v1/certificates/dispensed', {
        certificateId: theirs.certificateId,
        outcome: 'unknown',
        detail: null,
      });
      expect(await kiosk.dispatch('certificates.redispense', { code: theirs.verificationCode })).toEqual({
        ok: false,
        error: {
          code: 'not-found',
          message: 'No encontramos un certificado de este kiosco con ese código. Revise cada carácter.',
        },
      });
      // Well formed, issued to nobody.
      expect(await kiosk.dispatch('certificates.redispense', { code: 'AbCdEfGh12' })).toMatchObject({
        ok: false,
        error: { code: 'not-found' },
      });
      // Malformed: refused by the kiosk in the code's own words.
      for (const [typed, says] of [
        ['', 'Escriba el código de verificación'],
        ['abc', 'tiene 10 caracteres y usted escribió 3'],
        ['NA6V-1suvZ', 'solo letras sin tilde y números'],
        ['x'.repeat(41), '10 letras y números'],
      ] as const) {
        const refused = await kiosk.dispatch('certificates.redispense', { code: typed });
        expect(refused).toMatchObject({ ok: false, error: { code: 'validation' } });
        if (!refused.ok) expect(refused.error.message).toContain(says);
      }

      // A copy of this kiosk still at the dispenser is not given out a second time.
      const release = dispenser.hold();
      const held = await callOk(kiosk, 'certificates.purchase', {
        ...buyerCredentials,
        matricula,
        certificateCode: code,
        copies: 1,
      });
      expect(await kiosk.dispatch('certificates.redispense', { code: codeOf(held, 1) })).toEqual(
        conflict(certificateMessages.redispenseUnderWay),
      );
      dispenser.loseNextAnswer();
      release();
      const unknown = await settledPurchase(kiosk, held.purchaseKey);
      expect(unknown.copies.map((c) => c.state)).toEqual(['unknown']);

      // Two taps at once: one is given again, the other told it is under way.
      const taps = await Promise.all([
        kiosk.dispatch('certificates.redispense', { code: codeOf(unknown, 1) }),
        kiosk.dispatch('certificates.redispense', { code: codeOf(unknown, 1) }),
      ]);
      expect(taps.filter((t) => t.ok)).toHaveLength(1);
      expect(taps.filter((t) => !t.ok)).toEqual([conflict(certificateMessages.redispenseUnderWay)]);
      await until(
        'the copy given again settled',
        () => copyStates(s),
        (states) => states.filter((state) => state === 'delivered').length === 1,
        60_000,
      );
      // The other kiosk's copy left as it was; this kiosk's came out twice (once unconfirmed) and was charged once.
      expect(await copyStates(s)).toEqual(['unknown', 'delivered']);
      expect(dispenser.dispensed).toHaveLength(2);
      expect(await walletBalance(s)).toBe(before - 2 * price);
    },
  );

  it(
    'a dispenser out of paper refuses before the server is asked; without the server, its own sentence; then it comes out',
    { timeout: 180_000 },
    async () => {
      const s = await startChamber(variant);
      const proxy = await ChaosProxy.start(s.t.server.url, {
        reset: 0,
        stall: 0,
        refuse: 1,
        resetWithinBytes: 1,
        stallMs: 0,
      });
      proxy.chaos = false;
      try {
        // One sheet, and no warning before the last: the purchase uses it up.
        const dispenser = new SimulatedDispenser(1, 0);
        const kiosk = await enrolledKiosk(s, dispenser, proxy.url);
        const before = await walletBalance(s);
        const { price } = await companyOffer(kiosk);
        const bought = await buy(kiosk, dispenser, ['no-answer']);
        const code = codeOf(bought, 1);

        // The server unreachable: an answer other than `offline` means it was never asked.
        proxy.chaos = true;
        proxy.dropConnections();
        expect(await kiosk.dispatch('certificates.redispense', { code })).toEqual({
          ok: false,
          error: { code: 'printer-offline', message: dispenserConditionMessage('paper-out') },
        });
        dispenser.loadPaper(5);
        expect(await kiosk.dispatch('certificates.redispense', { code })).toEqual({
          ok: false,
          error: { code: 'offline', message: certificateMessages.redispenseOffline },
        });
        expect(dispenser.dispensed).toHaveLength(1);
        expect(await copyStates(s)).toEqual(['unknown']);

        proxy.chaos = false;
        const given = await callOk(kiosk, 'certificates.redispense', { code });
        expect((await settledAgain(kiosk, given)).state).toBe('delivered');
        expect(await copyStates(s)).toEqual(['delivered']);
        expect(await walletBalance(s)).toBe(before - price);
      } finally {
        await proxy.stop();
      }
    },
  );
});
