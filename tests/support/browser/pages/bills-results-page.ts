import type { Locator } from 'playwright-core';
import { KioskPage } from './kiosk-page';

/** After the questions: the subscriber, the three functions, and the chosen one's view. */
export class BillsResultsPage extends KioskPage {
  async waitUntilShown(title: string): Promise<void> {
    await this.heading.filter({ hasText: title }).waitFor();
    await this.subscriber.waitFor();
  }

  get subscriber(): Locator {
    return this.page.getByRole('region', { name: 'Datos del suscriptor' });
  }

  async switchTo(
    title: 'Facturación servicios públicos' | 'Historial de pagos' | 'Ver facturas anteriores',
  ): Promise<void> {
    await this.page
      .getByRole('navigation', { name: 'Consultas de este código interno' })
      .getByRole('button', { name: title })
      .tap();
    await this.waitUntilShown(title);
  }

  async end(): Promise<void> {
    await this.page.getByRole('button', { name: 'Terminar', exact: true }).tap();
  }

  // The current bill

  get currentBill(): Locator {
    return this.page.getByRole('region', { name: /^Factura de / });
  }

  get lineItems(): Locator {
    return this.page.getByRole('table', { name: 'Detalle de los cobros de la factura' });
  }

  get consumptionChart(): Locator {
    return this.page.getByRole('img', { name: /^Consumo por período/ });
  }

  async print(): Promise<void> {
    await this.page.getByRole('button', { name: 'Imprimir factura' }).tap();
  }

  async viewPdf(): Promise<void> {
    await this.page.getByRole('button', { name: 'Ver la factura' }).tap();
  }

  /** The kiosk's own document viewer (src-renderer/documents/DocumentViewer.tsx). */
  get pdfViewer(): Locator {
    return this.page.getByRole('dialog', { name: /^Factura / });
  }

  /** The document's pages, drawn onto canvas. */
  get pdfPages(): Locator {
    return this.pdfViewer.getByRole('document');
  }

  /** Waits until pdf.js has drawn the first page. */
  async waitForPdfDrawn(): Promise<void> {
    await this.pdfPages.locator('canvas[data-drawn="yes"]').first().waitFor();
  }

  async closePdf(): Promise<void> {
    await this.pdfViewer.getByRole('button', { name: 'Cerrar' }).tap();
  }

  async sendToPhone(): Promise<void> {
    await this.pdfViewer.getByRole('button', { name: 'Llevar a mi celular' }).tap();
  }

  get phoneLink(): Locator {
    return this.pdfViewer.getByRole('region', { name: 'Llevar a mi celular' });
  }

  get phoneQr(): Locator {
    return this.phoneLink.getByRole('img', { name: /^Código QR/ });
  }

  /** The print progress and outcome lines (role status or alert). */
  get printStatus(): Locator {
    return this.page
      .getByRole('status')
      .filter({ hasText: /factura|impres/i })
      .or(this.page.getByRole('alert'));
  }

  // Payment history

  get payments(): Locator {
    return this.page.getByRole('table').filter({ has: this.page.getByRole('columnheader', { name: 'Fecha de pago' }) });
  }

  /** The rows under the header, once the payments have loaded (the heading comes with them, table or not). */
  async paymentRows(): Promise<string[][]> {
    await this.page.getByRole('heading', { name: 'Últimos pagos registrados' }).waitFor();
    const rows = this.payments.getByRole('row');
    const count = await rows.count();
    const out: string[][] = [];
    for (let i = 1; i < count; i += 1)
      out.push((await rows.nth(i).getByRole('cell').allInnerTexts()).map((t) => t.replace(/\s+/g, ' ').trim()));
    return out;
  }

  // Previous bills

  get periods(): Locator {
    return this.page.getByRole('list', { name: 'Períodos disponibles' }).getByRole('button');
  }

  async choosePeriod(name: string | RegExp): Promise<void> {
    await this.page.getByRole('list', { name: 'Períodos disponibles' }).getByRole('button', { name }).tap();
  }
}
