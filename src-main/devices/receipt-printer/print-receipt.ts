import type { ReceiptModel } from '../../../src-shared/receipts/receipt-model';
import type { Logger } from '../../logger';
import { storeWriteFailure } from '../../store/store-write-failure';
import { encodeReceipt } from './escpos-encoder';
import { receiptMessages } from './receipt-messages';
import type { ReceiptPrinting } from './receipt-printing';
import { escposContentType } from './receipt-profile';

export interface PrintedReceipt {
  /** The persisted job (print.job follows it); null when nothing could be queued. */
  readonly jobId: string | null;
  /** Spanish, when there is no receipt printer or the receipt could not be queued. */
  readonly printerProblem: string | null;
}

/** Encodes a receipt model for this device's printer and queues it as a persisted job. */
export async function printReceipt(
  receipts: ReceiptPrinting,
  kind: string,
  title: string,
  model: ReceiptModel,
  log: Logger,
): Promise<PrintedReceipt> {
  if (!receipts.configured) return { jobId: null, printerProblem: receiptMessages.notConfigured };
  try {
    const bytes = await encodeReceipt(model, receipts.profile);
    return {
      jobId: receipts.queue.enqueue({ kind, title, contentType: escposContentType, content: bytes }).id,
      printerProblem: null,
    };
  } catch (error) {
    log.error({ err: error, kind }, 'receipt could not be queued');
    // The job is committed with its bytes before it prints: a full disk refuses the job itself.
    const diskFull = storeWriteFailure(error) !== null;
    return {
      jobId: null,
      printerProblem: diskFull
        ? receiptMessages.notStored
        : 'No se pudo enviar el recibo a la impresora; puede reimprimirlo.',
    };
  }
}
