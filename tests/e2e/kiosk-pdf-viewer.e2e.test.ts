import { readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect } from 'vitest';
import { formatCop } from '../../src-shared/domain/money';
import { decodeBarcodes, pdfText } from '../support/poppler-zbar';
import { IdleDialog } from '../support/browser/pages/idle-dialog';
import { BillFixture, ensureReplica } from '../support/browser/bill-fixture';
import { openValidated } from '../support/browser/bills-visit';
import { kioskTest } from '../support/browser/fixture';
import { StartPage } from '../support/browser/pages/start-page';
import { saveScreenshot } from '../support/browser/screenshots';
import { embeddedServer, fastIdle } from '../support/browser/test-stack';

/** Every file under `dir`, recursively. */
const filesUnder = (dir: string): string[] => readdirSync(dir, { recursive: true, encoding: 'utf8' });

const it = kioskTest({ name: 'pdf-viewer' });

/**
 * The kiosk's own viewer (issue 12, item 8): the bill drawn by pdf.js onto canvas, with only
 * «Imprimir», «Llevar a mi celular» and «Cerrar»; the phone link read from the QR on screen
 * and opened once, as a phone would.
 */
describe('the kiosk PDF viewer', () => {
  let fixture: BillFixture;
  let codes: number[];
  const takeCode = (): number => {
    const code = codes.shift();
    if (code === undefined) throw new Error('fixture: not enough subscribers');
    return code;
  };

  it.beforeAll(async ({ app }) => {
    await ensureReplica(app.stack.core.store.sqlite, 50);
    fixture = new BillFixture(app.stack.core.store.sqlite);
    codes = fixture.codes("state <> 'pagada'");
  });

  it('counts taps and scrolls on the document as activity: no "¿Sigue ahí?" while the citizen reads', async ({
    app,
    page,
  }) => {
    // The page's clock, which the idle timer reads, jumps the second between two gestures
    // instead of the test waiting it out (the real-time timer is idle-timeout.e2e.test.ts's).
    await page.clock.install();
    const start = await StartPage.open(page, app.stack.appUrl);
    const results = await openValidated(start, fixture, takeCode(), 'Facturación servicios públicos');
    await results.viewPdf();
    await results.pdfViewer.waitFor();
    const box = await results.pdfViewer.boundingBox();
    if (box === null) throw new Error('the viewer has no box');
    const center = { x: box.x + box.width / 2, y: box.y + box.height / 2 };
    const idle = new IdleDialog(page);
    // Twice the idle time, reading: a scroll or a tap on the page every second.
    for (let step = 0; step < fastIdle.idleSeconds * 2; step += 1) {
      await page.mouse.move(center.x, center.y);
      if (step % 2 === 0) await page.mouse.wheel(0, step % 4 === 0 ? 300 : -300);
      else await page.touchscreen.tap(center.x, center.y);
      await page.clock.fastForward(1_000);
      expect(await idle.dialog.count(), `step ${step}`).toBe(0);
    }
  });

  it('shows the bill on canvas with print, phone and close only, and the QR opens the bill once on a phone', async ({
    app,
    start,
  }) => {
    const code = takeCode();
    const bill = fixture.currentBill(code);
    const results = await openValidated(start, fixture, code, 'Facturación servicios públicos');
    const page = results.page;
    await results.viewPdf();
    await results.waitForPdfDrawn();

    // No browser PDF viewer, no plugin, no frame: nothing with a download or print-to-file button.
    expect(await page.locator('iframe, embed, object').count()).toBe(0);
    expect(await results.pdfViewer.locator('a, [download]').count()).toBe(0);
    expect(await results.pdfViewer.getByRole('button').allInnerTexts()).toEqual([
      'Imprimir',
      'Llevar a mi celular',
      'Cerrar',
    ]);
    for (const button of await results.pdfViewer.getByRole('button').all()) {
      expect((await button.boundingBox())?.height ?? 0).toBeGreaterThanOrEqual(64);
    }
    // Drawn wide enough to read on a touch screen, and not blank.
    const canvas = results.pdfPages.locator('canvas').first();
    expect((await canvas.boundingBox())?.width ?? 0).toBeGreaterThanOrEqual(1000);
    const inked = await canvas.evaluate((element: HTMLCanvasElement) => {
      const context = element.getContext('2d');
      if (context === null) return 0;
      const { data } = context.getImageData(0, 0, element.width, element.height);
      let dark = 0;
      for (let i = 0; i < data.length; i += 4)
        if ((data[i] ?? 255) < 100 && (data[i + 1] ?? 255) < 100 && (data[i + 2] ?? 255) < 100) dark += 1;
      return dark / (data.length / 4);
    });
    expect(inked).toBeGreaterThan(0.01);
    await saveScreenshot(page, 'pdf-viewer-1-bill');

    // A wheel scroll over the pages moves them.
    const before = await results.pdfPages.evaluate((element) => element.scrollTop);
    const box = await results.pdfPages.boundingBox();
    if (box === null) throw new Error('the pages have no box');
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.mouse.wheel(0, 400);
    await page.waitForFunction((start) => (document.querySelector('.pdf-pages')?.scrollTop ?? start) > start, before);

    // «Imprimir» prints from the viewer; this kiosk has no printer, and the viewer says what else to do.
    await results.pdfViewer.getByRole('button', { name: 'Imprimir' }).tap();
    const noPrinter = results.pdfViewer.getByRole('alert').filter({ hasText: 'no tiene una impresora disponible' });
    await noPrinter.waitFor();
    expect(await noPrinter.innerText()).toContain('Toque «Llevar a mi celular»');

    await results.sendToPhone();
    await results.phoneQr.waitFor();
    const panel = await results.phoneLink.innerText();
    expect(panel).toContain('una sola vez');
    // Near midnight in Bogotá the link ends the next day, and the sentence names it.
    expect(panel).toMatch(/vence en (9|10) minutos, (a|el \d{1,2} de [a-z]+ de \d{4} a) las \d{1,2}:\d{2}\./);
    expect(panel).toContain('En este kiosco no queda guardado');
    await saveScreenshot(page, 'pdf-viewer-2-phone-qr');

    // Read the QR off the screen as a phone's camera would.
    const qrShot = path.join(app.dataDir, 'qr.png');
    await results.phoneQr.screenshot({ path: qrShot });
    const { symbols } = await decodeBarcodes(qrShot);
    expect(symbols).toHaveLength(1);
    const url = symbols[0] ?? '';
    expect(url).toMatch(new RegExp(`^${embeddedServer(app.stack).url}/d/[A-Za-z0-9_-]{22}$`));

    const first = await fetch(url);
    expect(first.status).toBe(200);
    expect(first.headers.get('content-type')).toBe('application/pdf');
    expect(first.headers.get('content-disposition')).toBe(`attachment; filename="factura-${bill.period}.pdf"`);
    const downloaded = path.join(app.dataDir, 'en-el-celular.pdf');
    writeFileSync(downloaded, Buffer.from(await first.arrayBuffer()));
    const text = await pdfText(downloaded);
    expect(text).toContain(String(bill.billNumber));
    // pdfText turns formatCop's no-break space into a plain one.
    expect(text).toContain(formatCop(bill.total).replaceAll('\u00a0', ' '));
    expect((await fetch(url)).status).toBe(404);

    // Nothing of the bill was written on the kiosk (the one PDF is the test's own copy above).
    expect(filesUnder(app.dataDir).filter((file) => file.endsWith('.pdf'))).toEqual(['en-el-celular.pdf']);

    await results.phoneLink.getByRole('button', { name: 'Listo' }).tap();
    await results.closePdf();
    await results.pdfViewer.waitFor({ state: 'hidden' });
  });

  it('says plainly that the phone needs the central server when it is not there', async ({ app, start }) => {
    const results = await openValidated(start, fixture, takeCode(), 'Facturación servicios públicos');
    await results.viewPdf();
    await results.waitForPdfDrawn();
    const server = embeddedServer(app.stack);
    await server.stop();
    try {
      await results.sendToPhone();
      const alert = results.phoneLink.getByRole('alert');
      await alert.waitFor();
      expect(await alert.innerText()).toContain('necesita conexión con el servidor central');
      expect(await results.phoneQr.count()).toBe(0);
      await saveScreenshot(results.page, 'pdf-viewer-3-phone-offline');
    } finally {
      await server.start();
    }
  });
});
