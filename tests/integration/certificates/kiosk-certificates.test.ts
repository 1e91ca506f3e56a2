import { randomUUID } from 'node:crypto';
import { beforeAll, expect, it } from 'vitest';
import type { OpInput, OpName, OpOutput } from '../../../src-shared/api/contract';
import type { KioskPurchaseView } from '../../../src-shared/api/ops/certificates';
import type { AppCore } from '../../../src-main/app-core';
import { SimulatedDispenser } from '../../../src-main/devices/dispenser/simulated-dispenser';
import { dispenserConditionMessage, dispenserMessages } from '../../../src-main/devices/dispenser/dispenser-messages';
import { certificateMessages } from '../../../src-main/certificates/certificate-messages';
import { PurchaseRecords } from '../../../src-main/certificates/purchase-records';
import { ChaosProxy } from '../../support/chaos-proxy';
import { spawnChild, type Child } from '../../support/child-spawn';
import {
  company,
  enrollKiosk,
  startChamber,
  startKioskCore,
  stopAtEnd,
  walletBalance,
} from '../../support/certificate-kiosk';
import { fileCleanup } from '../../support/file-cleanup';
import { describeEachServerDatabase, type DatabaseVariant } from '../../support/postgres';
import { until } from '../../support/sync-support';
import { tempDir } from '../../support/temp-dir';
import type { WalletServer } from '../../support/wallet-server';

/**
 * «Certificados» at the kiosk through the real dispatcher of a whole app core, enrolled on a
 * real central server, with the simulated dispenser and the kiosk's own SQLite store: the money
 * the citizen sees on the server's ledger follows what came out of the tray.
 */
/** The child's stdout, line by line. */
function childLines(child: Child): { next(): Promise<string> } {
  const waiting: ((line: string) => void)[] = [];
  const ready: string[] = [];
  let buffer = '';
  child.process.stdout?.on('data', (chunk: Buffer) => {
    buffer += chunk.toString();
    for (let end = buffer.indexOf('\n'); end >= 0; end = buffer.indexOf('\n')) {
      const line = buffer.slice(0, end);
      buffer = buffer.slice(end + 1);
      const reader = waiting.shift();
      if (reader === undefined) ready.push(line);
      else reader(line);
    }
  });
  return {
    next: () =>
      new Promise((resolve, reject) => {
        const line = ready.shift();
        if (line !== undefined) return resolve(line);
        waiting.push(resolve);
        child.process.once('exit', () => reject(new Error(`the kiosk process ended: ${child.stderrTail()}`)));
      }),
  };
}

async function call<K extends OpName>(core: AppCore, op: K, input: OpInput<K>): Promise<OpOutput<K>> {
  const result = await core.dispatch(op, input);
  if (!result.ok) throw new Error(`${op}: ${JSON.stringify(result.error)}`);
  return result.value as OpOutput<K>;
}

/** The company's «Certificado de existencia y representación legal», as the search offers it. */
async function offer(core: AppCore): Promise<{ matricula: string; code: string; price: number }> {
  const found = await call(core, 'certificates.search', { query: '900123456' });
  const match = found.matches[0];
  const certificate = match?.certificates[0];
  if (match === undefined || certificate === undefined) throw new Error('the demo company has nothing on sale');
  return { matricula: match.matricula, code: certificate.code, price: certificate.price };
}

/** As the citizen types them: the NIT with its check digit after the dash. */
const credentials = { docType: company.docType, docNumber: '900.123.456-8', clave: company.clave };

/** Follows the purchase until every copy ended and the server acknowledged each outcome. */
const settled = (core: AppCore, purchaseKey: string): Promise<KioskPurchaseView> =>
  until(
    'every copy settled and reported',
    () => call(core, 'certificates.progress', { purchaseKey }),
    (p) => p.finished && p.copies.every((c) => c.reported),
    60_000,
  );

async function kioskWith(s: WalletServer, dispenser: SimulatedDispenser): Promise<AppCore> {
  const dir = tempDir('certificates-kiosk');
  const core = startKioskCore(dir.path, s.t.server.url, dispenser);
  stopAtEnd(core);
  await enrollKiosk(s, core);
  return core;
}

/**
 * The server's state of each copy bought by one kiosk (its device id), by purchase and copy: the
 * tests share a server, so each looks only at what its own kiosk bought.
 */
async function kioskCopyStates(s: WalletServer, deviceId: string): Promise<string[]> {
  const rows = await s.query<{ state: string }>(
    `SELECT c.state FROM issued_certificates c JOIN certificate_purchases p ON p.id = c.purchase_id
     WHERE p.device_id = $1 ORDER BY c.issued_at, c.copy`,
    [deviceId],
  );
  return rows.map((r) => r.state);
}

/** The enrolled kiosk's device id on the server. */
function deviceIdOf(core: AppCore): string {
  const id = core.meta.get('deviceId');
  if (id === null || id === undefined) throw new Error('the kiosk is not enrolled');
  return id;
}

describeEachServerDatabase('certificates at the kiosk', (variant: DatabaseVariant) => {
  // One chamber (server, registry, the company's wallet) for the tests that look at their own
  // kiosk's purchases and at the balance relative to where it stood; starting a server per test
  // was most of the file's time. The test that needs an exact balance starts its own.
  const cleanup = fileCleanup();
  let chamber: WalletServer;
  beforeAll(async () => {
    chamber = await startChamber(variant, 100_000, cleanup);
  }, 120_000);

  it(
    'buys two copies: both come out, the server records them delivered and charges both',
    { timeout: 180_000 },
    async () => {
      const s = chamber;
      const dispenser = new SimulatedDispenser();
      const kiosk = await kioskWith(s, dispenser);
      const before = await walletBalance(s);
      const { matricula, code, price } = await offer(kiosk);

      const preview = await call(kiosk, 'certificates.preview', { matricula, certificateCode: code });
      expect(Buffer.from(preview.bytes).subarray(0, 5).toString('latin1')).toBe('%PDF-');

      const bought = await call(kiosk, 'certificates.purchase', {
        ...credentials,
        matricula,
        certificateCode: code,
        copies: 2,
      });
      expect(bought.total).toBe(2 * price);
      expect(bought.balance).toBe(before - 2 * price);
      expect(bought.copies.map((c) => c.copy)).toEqual([1, 2]);

      const done = await settled(kiosk, bought.purchaseKey);
      expect(done.copies.map((c) => c.state)).toEqual(['delivered', 'delivered']);
      expect(done.copies.map((c) => c.refunded)).toEqual([0, 0]);
      // Two signed PDFs came out of the tray, each the one the server made for that copy.
      expect(dispenser.dispensed).toHaveLength(2);
      for (const sheet of dispenser.dispensed)
        expect(Buffer.from(sheet.content).subarray(0, 5).toString('latin1')).toBe('%PDF-');
      expect(await kioskCopyStates(s, deviceIdOf(kiosk))).toEqual(['delivered', 'delivered']);
      expect(await walletBalance(s)).toBe(before - 2 * price);
    },
  );

  it('a jam on copy 2: copy 1 delivered, copy 2 refunded to the wallet', { timeout: 180_000 }, async () => {
    const s = chamber;
    const dispenser = new SimulatedDispenser();
    dispenser.passNext();
    dispenser.jamNext();
    const kiosk = await kioskWith(s, dispenser);
    const before = await walletBalance(s);
    const { matricula, code, price } = await offer(kiosk);

    const bought = await call(kiosk, 'certificates.purchase', {
      ...credentials,
      matricula,
      certificateCode: code,
      copies: 2,
    });
    const done = await settled(kiosk, bought.purchaseKey);
    expect(done.copies.map((c) => c.state)).toEqual(['delivered', 'failed']);
    expect(done.copies.map((c) => c.refunded)).toEqual([0, price]);
    expect(done.balance).toBe(before - price);
    expect(dispenser.dispensed).toHaveLength(1);
    expect(await kioskCopyStates(s, deviceIdOf(kiosk))).toEqual(['delivered', 'refunded']);
    expect(await walletBalance(s)).toBe(before - price);

    // Jammed now: the next purchase is refused before anything is charged.
    const refused = await kiosk.dispatch('certificates.purchase', {
      ...credentials,
      matricula,
      certificateCode: code,
      copies: 1,
    });
    expect(refused).toEqual({
      ok: false,
      error: { code: 'printer-offline', message: dispenserConditionMessage('jammed') },
    });
  });

  it(
    'a dispenser that stops answering: the copy is unknown, reported so, and its price stays held for staff',
    { timeout: 180_000 },
    async () => {
      const s = chamber;
      const dispenser = new SimulatedDispenser();
      dispenser.loseNextAnswer();
      const kiosk = await kioskWith(s, dispenser);
      const before = await walletBalance(s);
      const { matricula, code, price } = await offer(kiosk);

      const bought = await call(kiosk, 'certificates.purchase', {
        ...credentials,
        matricula,
        certificateCode: code,
        copies: 1,
      });
      const done = await settled(kiosk, bought.purchaseKey);
      expect(done.copies.map((c) => [c.state, c.refunded])).toEqual([['unknown', 0]]);
      // Never refunded by itself (it may be in the tray), never dispensed again.
      expect(await kioskCopyStates(s, deviceIdOf(kiosk))).toEqual(['unknown']);
      expect(await walletBalance(s)).toBe(before - price);
      expect(dispenser.dispensed).toHaveLength(1);
    },
  );

  it(
    'a dispenser out of paper refuses the purchase: the server is never asked, nothing is charged',
    { timeout: 180_000 },
    async () => {
      const s = chamber;
      const dispenser = new SimulatedDispenser(0);
      const kiosk = await kioskWith(s, dispenser);
      const before = await walletBalance(s);
      const { matricula, code } = await offer(kiosk);

      const refused = await kiosk.dispatch('certificates.purchase', {
        ...credentials,
        matricula,
        certificateCode: code,
        copies: 2,
      });
      expect(refused).toEqual({
        ok: false,
        error: {
          code: 'printer-offline',
          message: 'El dispensador de certificados no tiene papel; avise a un funcionario.',
        },
      });
      expect(await s.query('SELECT id FROM certificate_purchases WHERE device_id = $1', [deviceIdOf(kiosk)])).toEqual(
        [],
      );
      expect(await walletBalance(s)).toBe(before);

      // Paper running low stops sales too, before anything is charged.
      dispenser.loadPaper(3);
      const low = await kiosk.dispatch('certificates.purchase', {
        ...credentials,
        matricula,
        certificateCode: code,
        copies: 1,
      });
      expect(low).toEqual({ ok: false, error: { code: 'printer-offline', message: dispenserMessages.paperLow } });
      expect(await s.query('SELECT id FROM certificate_purchases WHERE device_id = $1', [deviceIdOf(kiosk)])).toEqual(
        [],
      );
      expect(await walletBalance(s)).toBe(before);
    },
  );

  it(
    'a purchase whose answer never came back: after a restart the kiosk asks by its key, and the price goes back to the wallet',
    { timeout: 180_000 },
    async () => {
      const s = chamber;
      const dir = tempDir('certificates-unanswered');
      const dispenser = new SimulatedDispenser();
      const first = startKioskCore(dir.path, s.t.server.url, dispenser);
      let again: AppCore | null = null;
      try {
        await enrollKiosk(s, first);
        const deviceId = deviceIdOf(first);
        const before = await walletBalance(s);
        const { matricula, code } = await offer(first);
        // What a crash right after the request reached the server leaves: the kiosk's record
        // `asking`, the purchase made and held on the server, its answer never read.
        const purchaseKey = randomUUID();
        new PurchaseRecords(first.store).put({
          purchaseKey,
          state: 'asking',
          matricula,
          certificateCode: code,
          copiesAsked: 2,
          createdAt: new Date().toISOString(),
          receiptNumber: null,
          title: null,
          businessName: null,
          unitPrice: null,
          total: null,
          balance: null,
          receiptPrinted: false,
          copies: [],
        });
        const token = first.meta.get('deviceToken');
        const made = await s.call({ token: token ?? '', deviceId: '' }, 'POST', '/v1/certificates/purchase', {
          ...credentials,
          purchaseKey,
          matricula,
          certificateCode: code,
          copies: 2,
        });
        expect(made.status).toBe(200);
        expect(await kioskCopyStates(s, deviceId)).toEqual(['held', 'held']);
        await first.stop();

        again = startKioskCore(dir.path, s.t.server.url, new SimulatedDispenser());
        const core = again;
        const done = await until(
          'the unanswered purchase resolved and reported',
          async () => {
            // Not the kiosk's to show until the server said what became of it.
            const view = await core.dispatch('certificates.progress', { purchaseKey });
            return view.ok ? (view.value as KioskPurchaseView) : null;
          },
          (p) => p !== null && p.finished && p.copies.every((c) => c.reported),
          60_000,
        );
        expect(done?.copies.map((c) => c.state)).toEqual(['failed', 'failed']);
        expect(await kioskCopyStates(s, deviceId)).toEqual(['refunded', 'refunded']);
        expect(await walletBalance(s)).toBe(before);
        // Nothing was dispensed for it, in either run.
        expect(dispenser.dispensed).toHaveLength(0);
      } finally {
        await again?.stop();
        dir.remove();
      }
    },
  );

  it(
    'the server goes away between dispensing and reporting: after a restart the outcome is reported and settled',
    { timeout: 180_000 },
    async () => {
      const s = chamber;
      const proxy = await ChaosProxy.start(s.t.server.url, {
        reset: 0,
        stall: 0,
        refuse: 1,
        resetWithinBytes: 1,
        stallMs: 0,
      });
      proxy.chaos = false;
      const dir = tempDir('certificates-restart');
      const dispenser = new SimulatedDispenser();
      const first = startKioskCore(dir.path, proxy.url, dispenser);
      try {
        await enrollKiosk(s, first);
        const deviceId = deviceIdOf(first);
        const before = await walletBalance(s);
        const { matricula, code, price } = await offer(first);
        const release = dispenser.hold();
        const bought = await call(first, 'certificates.purchase', {
          ...credentials,
          matricula,
          certificateCode: code,
          copies: 1,
        });
        // The copy is at the dispenser; the server becomes unreachable before it comes out.
        proxy.chaos = true;
        proxy.dropConnections();
        release();
        const out = await until(
          'the copy out and its report refused',
          () => call(first, 'certificates.progress', { purchaseKey: bought.purchaseKey }),
          (p) => p.finished,
        );
        expect(out.copies.map((c) => [c.state, c.reported])).toEqual([['delivered', false]]);
        expect(await kioskCopyStates(s, deviceId)).toEqual(['held']);
        await first.stop();

        // A new run over the same store, the server reachable again.
        const second = new SimulatedDispenser();
        const again = startKioskCore(dir.path, s.t.server.url, second);
        try {
          const done = await settled(again, bought.purchaseKey);
          expect(done.copies.map((c) => c.state)).toEqual(['delivered']);
          expect(await kioskCopyStates(s, deviceId)).toEqual(['delivered']);
          expect(await walletBalance(s)).toBe(before - price);
          // Nothing came out twice: the copy was dispensed once, in the first run.
          expect(dispenser.dispensed).toHaveLength(1);
          expect(second.dispensed).toHaveLength(0);
        } finally {
          await again.stop();
        }
      } finally {
        await proxy.stop();
        dir.remove();
      }
    },
  );

  it(
    'killed with -9 between dispensing and reporting: the next start reports the copy once and it is settled',
    { timeout: 180_000 },
    async () => {
      const s = chamber;
      const proxy = await ChaosProxy.start(s.t.server.url, {
        reset: 0,
        stall: 0,
        refuse: 1,
        resetWithinBytes: 1,
        stallMs: 0,
      });
      proxy.chaos = false;
      const dir = tempDir('certificates-kill');
      let child: Child | null = null;
      try {
        // Enrolled in this process, then the kiosk runs in a child that can be killed.
        const enrolling = startKioskCore(dir.path, proxy.url, new SimulatedDispenser());
        await enrollKiosk(s, enrolling);
        const deviceId = deviceIdOf(enrolling);
        const { matricula, code, price } = await offer(enrolling);
        await enrolling.stop();
        const before = await walletBalance(s);

        child = spawnChild(
          'certificate-kiosk-process',
          [dir.path, proxy.url, JSON.stringify({ ...credentials, matricula, certificateCode: code, copies: 1 })],
          { bundled: true },
        );
        const lines = childLines(child);
        expect(await lines.next()).toMatch(/^bought /);
        // The server becomes unreachable while the copy is at the dispenser: its report cannot go.
        proxy.chaos = true;
        proxy.dropConnections();
        child.process.stdin?.write('go\n');
        expect(await lines.next()).toBe('dispensed');
        await child.kill9();
        expect(await kioskCopyStates(s, deviceId)).toEqual(['held']);

        const again = startKioskCore(dir.path, s.t.server.url, new SimulatedDispenser());
        try {
          await until(
            'the copy reported',
            () => kioskCopyStates(s, deviceId),
            (states) => states[0] === 'delivered',
            60_000,
          );
          expect(await walletBalance(s)).toBe(before - price);
          // Settled once: one settlement of the hold for the copy, whatever the kiosk sent.
          const settlements = await s.query<{ n: string }>(
            `SELECT count(*) AS n FROM ledger_transfers WHERE idempotency_key IN (
               SELECT 'certificado-entregado:' || c.id FROM issued_certificates c
               JOIN certificate_purchases p ON p.id = c.purchase_id WHERE p.device_id = $1)`,
            [deviceId],
          );
          expect(settlements.map((r) => Number(r.n))).toEqual([1]);
        } finally {
          await again.stop();
        }
      } finally {
        await child?.kill9();
        await proxy.stop();
        dir.remove();
      }
    },
  );

  it(
    'refuses what the citizen or an attacker gets wrong: nothing is charged, nothing comes out, nothing is kept',
    { timeout: 180_000 },
    async () => {
      const s = await startChamber(variant, 10_000);
      const dispenser = new SimulatedDispenser();
      const kiosk = await kioskWith(s, dispenser);
      const { matricula, code, price } = await offer(kiosk);
      const buy = (input: Partial<OpInput<'certificates.purchase'>>) =>
        kiosk.dispatch('certificates.purchase', {
          ...credentials,
          matricula,
          certificateCode: code,
          copies: 1,
          ...input,
        });

      // A wrong clave: the server's answer, as it comes.
      const wrong = await buy({ clave: 'Adivinada.1' });
      expect(wrong.ok).toBe(false);
      if (!wrong.ok) expect(wrong.error.code).toBe('wrong-credentials');
      // More than the balance: how much is missing and how to recharge.
      const copies = Math.ceil(10_000 / price) + 1;
      const short = await buy({ copies });
      expect(short.ok).toBe(false);
      if (!short.ok) {
        expect(short.error.code).toBe('insufficient-funds');
        expect(short.error.message).toContain('faltan');
        expect(short.error.message).toContain('Prepago de servicios');
      }
      // More copies than the kiosk's tray takes, refused before the server hears of it.
      const many = await buy({ copies: 6 });
      expect(many).toMatchObject({ ok: false, error: { code: 'validation' } });
      // A purchase key this kiosk never made.
      const stranger = await kiosk.dispatch('certificates.progress', {
        purchaseKey: '01900000-0000-7000-8000-00000000000a',
      });
      expect(stranger).toMatchObject({ ok: false, error: { code: 'not-found' } });

      expect(dispenser.dispensed).toHaveLength(0);
      expect(await s.query('SELECT id FROM certificate_purchases')).toEqual([]);
      expect(await walletBalance(s)).toBe(10_000);
      // A refused purchase leaves nothing on the kiosk either.
      expect(kiosk.store.sqlite.prepare('SELECT purchase_key FROM certificate_purchases').all()).toEqual([]);
      expect(kiosk.store.sqlite.prepare('SELECT certificate_id FROM certificate_copies').all()).toEqual([]);
    },
  );

  it('without the server, searching says plainly that certificates need it', { timeout: 60_000 }, async () => {
    const s = chamber;
    const proxy = await ChaosProxy.start(s.t.server.url, {
      reset: 0,
      stall: 0,
      refuse: 1,
      resetWithinBytes: 1,
      stallMs: 0,
    });
    proxy.chaos = false;
    const dir = tempDir('certificates-offline');
    const kiosk = startKioskCore(dir.path, proxy.url, new SimulatedDispenser());
    try {
      await enrollKiosk(s, kiosk);
      proxy.chaos = true;
      proxy.dropConnections();
      const answer = await kiosk.dispatch('certificates.search', { query: 'Ferretería' });
      expect(answer).toEqual({ ok: false, error: { code: 'offline', message: certificateMessages.offline } });
    } finally {
      await kiosk.stop();
      await proxy.stop();
      dir.remove();
    }
  });
});
