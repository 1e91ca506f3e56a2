import type { OpOutput, OpParsedInput } from '../../src-shared/api/contract';
import { err, ok, type Result } from '../../src-shared/api/result';
import type { BillDocumentInput } from '../../src-shared/domain/bill-document';
import { entitySettingKey, parseEntitySetting, type EntitySetting } from '../../src-shared/domain/entity-setting';
import type { DeviceMeta } from '../device/device-meta';
import type { KioskVisit } from '../api/callers';
import type { Logger } from '../logger';
import type { BillAccess } from './bill-access';
import { billMessages } from './bill-messages';
import type { BillDocuments, BillPrinting } from './bill-output';
import type { BillQueries, BillRow, SubscriberRow } from './bill-queries';
import { billView, paymentView, previousBillItem, subscriberSummary } from './bill-views';

export interface BillsServiceOptions {
  readonly access: BillAccess;
  readonly queries: BillQueries;
  readonly meta: DeviceMeta;
  readonly documents: BillDocuments;
  readonly printing: BillPrinting;
  readonly log: Logger;
}

/** A bill the session may see: the current one, or one of the five before the last payment. */
type FoundBill = Omit<BillDocumentInput, 'entity' | 'subscriber' | 'bill' | 'history'> & {
  readonly subscriber: SubscriberRow;
  readonly bill: BillRow;
  /** Valid bills ending at the bill's period, newest first (the consumption chart). */
  readonly history: readonly BillRow[];
};

type Out<K extends 'bills.current' | 'bills.payments' | 'bills.previous' | 'bills.pdf' | 'bills.print'> = Promise<
  Result<OpOutput<K>>
>;

/**
 * The bills a validated session may see (guide 000 §4–6), answered from the replica so the
 * kiosk works offline: the current bill, the payment history, the five bills before the last
 * payment, and any of those as a PDF or on paper. Every call is for the code the visit's access
 * id unlocks (`kiosk-visit` auth, resolved by the dispatcher through BillAccess before any
 * method here runs); bad input changes nothing.
 */
export class BillsService {
  constructor(private readonly options: BillsServiceOptions) {}

  current({ codigoInterno: code }: KioskVisit): Out<'bills.current'> {
    const found = this.findBill(code, null);
    if (found === null) return Promise.resolve(err('not-found', billMessages.noBills(code)));
    const consumption = found.history.map((b) => ({ period: b.period, consumptionM3: b.consumptionM3 })).reverse();
    return Promise.resolve(
      ok({
        subscriber: subscriberSummary(found.subscriber),
        bill: billView(found.bill),
        consumption,
        dataAsOf: this.dataAsOf(),
      }),
    );
  }

  payments({ codigoInterno: code }: KioskVisit): Out<'bills.payments'> {
    const payments = this.options.queries.payments(code).map(paymentView);
    return Promise.resolve(ok({ payments, dataAsOf: this.dataAsOf() }));
  }

  previous({ codigoInterno: code }: KioskVisit): Out<'bills.previous'> {
    const bills = this.options.queries.previousBills(code);
    if (bills.length === 0) return Promise.resolve(err('not-found', billMessages.noPreviousBills));
    return Promise.resolve(ok({ bills: bills.map(previousBillItem), dataAsOf: this.dataAsOf() }));
  }

  async pdf({ codigoInterno: code }: KioskVisit, input: OpParsedInput<'bills.pdf'>): Out<'bills.pdf'> {
    const found = this.findBill(code, input.billNumber);
    if (found === null) return err('not-found', billMessages.billNotAvailable);
    const bytes = await this.options.documents.pdf(this.documentInput(found));
    return ok({ fileName: fileName(found.bill), contentType: 'application/pdf', bytes });
  }

  async print({ codigoInterno: code }: KioskVisit, input: OpParsedInput<'bills.print'>): Out<'bills.print'> {
    const found = this.findBill(code, input.billNumber);
    if (found === null) return err('not-found', billMessages.billNotAvailable);
    const document = this.documentInput(found);
    const { printing, documents } = this.options;
    switch (printing.target()) {
      case 'none':
        return err('printer-offline', billMessages.noPrinter);
      case 'receipt': {
        const jobId = await printing.printSlip(document);
        return jobId === null ? err('printer-offline', billMessages.noPrinter) : ok({ jobId });
      }
      case 'document': {
        const pdf = await documents.pdf(document);
        const kind = found.mode === 'current' ? 'bill' : 'previous-bill';
        return ok({ jobId: printing.printPdf(kind, `Factura ${found.bill.period}`, pdf) });
      }
    }
  }

  /**
   * A bill the session may see, with what its screen and document need. `billNumber` null →
   * the current bill; otherwise it must be the current bill or one of the five before the last
   * payment, else null (not-found).
   */
  private findBill(code: number, billNumber: number | null): FoundBill | null {
    const { queries } = this.options;
    const subscriber = queries.subscriber(code);
    if (subscriber === undefined) return null;
    const valid = queries.latestValidBills(code);
    const current = valid[0];
    if (current === undefined) return null;
    if (billNumber === null || billNumber === current.billNumber) {
      return { mode: 'current', subscriber, bill: current, history: valid };
    }
    const bill = queries.previousBills(code).find((b) => b.billNumber === billNumber);
    if (bill === undefined) return null;
    return { mode: 'previous', subscriber, bill, history: queries.validBillsUpTo(code, bill.period) };
  }

  private documentInput(found: FoundBill): BillDocumentInput {
    return { ...found, entity: this.entity() };
  }

  private entity(): EntitySetting {
    const parsed = parseEntitySetting(this.options.queries.settingValue(entitySettingKey));
    if (!parsed.ok) throw new Error(`The replicated entity setting is not usable: ${parsed.error.message}`);
    return parsed.value;
  }

  private dataAsOf(): string | null {
    return this.options.meta.get('lastPullAt');
  }
}

/** `factura-2026-03.pdf`: no código interno in a file name a citizen may save on a shared kiosk. */
const fileName = (bill: BillRow): string => `factura-${bill.period}.pdf`;
