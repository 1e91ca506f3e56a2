import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, readdirSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { AppCore } from '../../../src-main/app-core';
import { createCupsDispenser } from '../../../src-main/devices/dispenser/ipp/create-cups-dispenser';
import type { Dispenser } from '../../../src-main/devices/dispenser/dispenser';
import { createRootLogger } from '../../../src-main/logger';
import type { OpOutput } from '../../../src-shared/api/contract';
import type { KioskPurchaseView } from '../../../src-shared/api/ops/certificates';
import {
  company,
  copyStates,
  enrollKiosk,
  startChamber,
  startKioskCore,
  walletBalance,
} from '../../support/certificate-kiosk';
import { cupsPdfOutDir, describeWithCups } from '../../support/cups';
import { decodeBarcodes, renderPng } from '../../support/poppler-zbar';
import { admin, installTestBackend, type TestBackend } from '../../support/cups-test-backend';
import { until } from '../../support/sync-support';
import { tempDir } from '../../support/temp-dir';
import type { WalletServer } from '../../support/wallet-server';

/**
 * «Certificados» end to end through a REAL CUPS dispenser (issue 14, item 7): a kiosk app core
 * enrolled on a chamber's server buys copies that its CupsDispenser prints over IPP — to a
 * cups-pdf queue (the paper a citizen takes: its codes are in the output), to a queue whose device
 * fails (the job aborted: the copy refunded), and to a queue that holds the job (no answer: the
 * copy left for staff, its price still held). PGlite only: the server's side is the one the
 * purchase tests run on both engines.
 */
const credentials = { docType: company.docType, docNumber: '900.123.456-8', clave: company.clave };
const patient: { pollMs: number; answerTimeoutMs: number; requestTimeoutMs: number } = {
  pollMs: 150,
  answerTimeoutMs: 30_000,
  requestTimeoutMs: 10_000,
};

describeWithCups('certificates bought at a kiosk, dispensed by CUPS', (ciQueue) => {
  const run = randomBytes(3).toString('hex');
  const pdfQueue = `ventanilla-cert-${run}-pdf`;
  const failQueue = `ventanilla-cert-${run}-fail`;
  const heldQueue = `ventanilla-cert-${run}-held`;
  let scratch: ReturnType<typeof tempDir>;
  let backend: TestBackend;
  const outputsBefore = new Set<string>();

  beforeAll(() => {
    scratch = tempDir('certificates-cups');
    backend = installTestBackend(scratch.path);
    const ppd = ['/usr/share/ppd/cups-pdf/CUPS-PDF_opt.ppd', `/etc/cups/ppd/${ciQueue}.ppd`].find((f) => existsSync(f));
    if (ppd === undefined) throw new Error('no cups-pdf PPD to make the dispenser queue with');
    admin('lpadmin', '-p', pdfQueue, '-E', '-v', 'cups-pdf:/', '-P', ppd);
    backend.addQueue(failQueue, 'fail');
    backend.addQueue(heldQueue, 'ok', ['-o', 'job-hold-until-default=indefinite']);
    for (const file of pdfOutputs()) outputsBefore.add(file);
  });
  afterAll(() => {
    try {
      execFileSync('cancel', ['-a', heldQueue], { stdio: 'ignore' });
    } catch {
      // Nothing held any more.
    }
    for (const file of newOutputs()) rmSync(file, { force: true });
    try {
      admin('lpadmin', '-x', pdfQueue);
      backend.remove();
    } finally {
      scratch.remove();
    }
  });

  function pdfOutputs(): string[] {
    const dir = cupsPdfOutDir();
    return existsSync(dir) ? readdirSync(dir).map((f) => path.join(dir, f)) : [];
  }
  const newOutputs = (): string[] => pdfOutputs().filter((f) => !outputsBefore.has(f) && statSync(f).isFile());

  async function kioskOn(
    s: WalletServer,
    queue: string,
    timing = patient,
  ): Promise<{ core: AppCore; done(): Promise<void> }> {
    const dir = tempDir('certificates-cups-kiosk');
    const dispenser: Dispenser = createCupsDispenser({ target: queue, ...timing }, createRootLogger('silent'));
    const core = startKioskCore(dir.path, s.t.server.url, dispenser);
    await enrollKiosk(s, core);
    return {
      core,
      done: async () => {
        await core.stop();
        dir.remove();
      },
    };
  }

  async function buy(core: AppCore, copies: number): Promise<{ purchaseKey: string; price: number }> {
    const found = await core.dispatch('certificates.search', { query: '900123456' });
    if (!found.ok) throw new Error(found.error.message);
    const match = (found.value as OpOutput<'certificates.search'>).matches[0];
    const certificate = match?.certificates[0];
    if (match === undefined || certificate === undefined) throw new Error('nothing on sale for the demo company');
    const bought = await core.dispatch('certificates.purchase', {
      ...credentials,
      matricula: match.matricula,
      certificateCode: certificate.code,
      copies,
    });
    if (!bought.ok) throw new Error(bought.error.message);
    return { purchaseKey: (bought.value as KioskPurchaseView).purchaseKey, price: certificate.price };
  }

  const finished = (core: AppCore, purchaseKey: string) =>
    until(
      'every copy ended and reported',
      async () => {
        const view = await core.dispatch('certificates.progress', { purchaseKey });
        return view.ok ? (view.value as KioskPurchaseView) : null;
      },
      (p) => p !== null && p.finished && p.copies.every((c) => c.reported),
      90_000,
    );

  it('the cups-pdf queue: two copies come out with their codes, both charged', { timeout: 240_000 }, async () => {
    const s = await startChamber({ kind: 'pglite', freshDatabaseUrl: async () => null });
    const kiosk = await kioskOn(s, pdfQueue);
    try {
      const before = await walletBalance(s);
      const { purchaseKey, price } = await buy(kiosk.core, 2);
      const view = await finished(kiosk.core, purchaseKey);
      expect(view?.copies.map((c) => c.state)).toEqual(['delivered', 'delivered']);
      expect(await copyStates(s)).toEqual(['delivered', 'delivered']);
      expect(await walletBalance(s)).toBe(before - 2 * price);
      // What the citizen takes from the tray: each copy, whose QR (read from the printed pixels:
      // cups-pdf redistils the text, which no longer reads back) opens its own verification page.
      // Other tests may print to cups-pdf meanwhile: read new files until both codes are among them.
      const scanned = new Map<string, string[]>();
      const codes = (view?.copies ?? []).map((c) => c.verificationCode);
      const urls = await until(
        'both copies written by cups-pdf, their QR read',
        async () => {
          for (const file of newOutputs())
            if (!scanned.has(file)) scanned.set(file, [...(await decodeBarcodes(await renderPng(file, 150))).symbols]);
          return [...scanned.values()].flat();
        },
        (read) => codes.every((code) => read.some((url) => url.endsWith(`/verificar/${code}`))),
        60_000,
      );
      expect(codes).toHaveLength(2);
      expect(urls.filter((url) => codes.some((code) => url.endsWith(`/verificar/${code}`)))).toHaveLength(2);
    } finally {
      await kiosk.done();
    }
  });

  it(
    'a queue whose device fails: the job is aborted and the copy refunded to the wallet',
    { timeout: 240_000 },
    async () => {
      const s = await startChamber({ kind: 'pglite', freshDatabaseUrl: async () => null });
      const kiosk = await kioskOn(s, failQueue);
      try {
        const before = await walletBalance(s);
        const { purchaseKey } = await buy(kiosk.core, 1);
        const view = await finished(kiosk.core, purchaseKey);
        expect(view?.copies.map((c) => c.state)).toEqual(['failed']);
        expect(await copyStates(s)).toEqual(['refunded']);
        expect(await walletBalance(s)).toBe(before);
      } finally {
        await kiosk.done();
      }
    },
  );

  it(
    'a queue that holds the job: no answer in time, the copy left for staff with its price held',
    { timeout: 240_000 },
    async () => {
      const s = await startChamber({ kind: 'pglite', freshDatabaseUrl: async () => null });
      const kiosk = await kioskOn(s, heldQueue, { ...patient, answerTimeoutMs: 2_000 });
      try {
        const before = await walletBalance(s);
        const { purchaseKey, price } = await buy(kiosk.core, 1);
        const view = await finished(kiosk.core, purchaseKey);
        expect(view?.copies.map((c) => c.state)).toEqual(['unknown']);
        expect(await copyStates(s)).toEqual(['unknown']);
        expect(await walletBalance(s)).toBe(before - price);
      } finally {
        await kiosk.done();
      }
    },
  );
});
