import type { OpOutput, OpParsedInput } from '../../src-shared/api/contract';
import { err, ok, type Result } from '../../src-shared/api/result';
import { volanteSlip } from '../../src-shared/wallet/volante-slip';
import type { BillPrinters } from '../bills/bill-output-wiring';
import { encodeReceipt } from '../devices/receipt-printer/escpos-encoder';
import { escposContentType } from '../devices/receipt-printer/receipt-profile';
import type { Logger } from '../logger';
import type { WalletService } from './wallet-service';
import { walletNoPrinter } from './wallet-messages';

/**
 * «Imprimir el volante» at the kiosk: the letter PDF on the document printer, or, on a kiosk
 * with only a receipt printer, the thermal volante with the same facts and barcode
 * (src-shared/wallet/volante-slip.ts) — as bills print. Either is a persisted job of the
 * printers' queues (the kiosk's print status follows it); the server answers what to print.
 */
export class VolantePrinting {
  constructor(
    private readonly wallet: WalletService,
    private readonly printers: BillPrinters,
    private readonly log: Logger,
  ) {}

  async print(input: OpParsedInput<'wallet.printVolante'>): Promise<Result<OpOutput<'wallet.printVolante'>>> {
    const { document, receipt } = this.printers;
    if (document !== null) {
      const pdf = await this.wallet.volante(input);
      if (!pdf.ok) return pdf;
      const job = document.enqueue({
        kind: 'wallet-volante',
        title: 'Volante de pago',
        contentType: 'application/pdf',
        content: pdf.value.bytes,
      });
      this.log.info({ job: job.id, printer: 'document' }, 'volante queued');
      return ok({ jobId: job.id, printer: 'document' });
    }
    if (receipt === null) return err('printer-offline', walletNoPrinter);
    const facts = await this.wallet.volanteSlip(input);
    if (!facts.ok) return facts;
    const slip = volanteSlip(facts.value);
    if (!slip.ok) return slip;
    const job = receipt.queue.enqueue({
      kind: 'wallet-volante-slip',
      title: 'Volante de pago',
      contentType: escposContentType,
      content: await encodeReceipt(slip.value, receipt.profile),
    });
    this.log.info({ job: job.id, printer: 'receipt' }, 'volante queued');
    return ok({ jobId: job.id, printer: 'receipt' });
  }
}
