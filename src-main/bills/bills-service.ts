import type { OpOutput, OpParsedInput } from '../../src-shared/api/contract';
import { err, ok, type Result } from '../../src-shared/api/result';
import { entitySettingKey, parseEntitySetting } from '../../src-shared/domain/entity-setting';
import type { DeviceMeta } from '../device/device-meta';
import type { Logger } from '../logger';
import type { BillAccess } from './bill-access';
import { billMessages } from './bill-messages';
import type { BillDocuments, BillDocumentSource, BillPrinting } from './bill-output';
import { consumptionPeriods, type BillQueries, type BillRow } from './bill-queries';
import { billView, paymentView, previousBillItem, subscriberSummary } from './bill-views';

export interface BillsServiceOptions {
  readonly access: BillAccess;
  readonly queries: BillQueries;
  readonly meta: DeviceMeta;
  readonly documents: BillDocuments;
  readonly printing: BillPrinting;
  readonly log: Logger;
}

type FoundBill = Omit<BillDocumentSource, 'entity' | 'dataAsOf' | 'consumption'> & {
  readonly consumption: { period: string; consumptionM3: number }[];
};

type Out<K extends 'bills.current' | 'bills.payments' | 'bills.previous' | 'bills.pdf' | 'bills.print'> = Promise<Result<OpOutput<K>>>;

/**
 * The bills a validated session may see (guide 000 §4–6), answered from the replica so the
 * kiosk works offline: the current bill, the payment history, the five bills before the last
 * payment, and any of those as a PDF or on paper. Every call names its access id; an unknown
 * or expired one is `forbidden`, and bad input changes nothing.
 */
export class BillsService {
  constructor(private readonly options: BillsServiceOptions) {}

  current(input: OpParsedInput<'bills.current'>): Out<'bills.current'> {
    const code = this.options.access.codeFor(input.accessId);
    if (code === null) return forbidden();
    const found = this.findBill(code, null);
    if (found === null) return Promise.resolve(err('not-found', billMessages.noBills(code)));
    const { subscriber, bill, consumption } = found;
    return Promise.resolve(ok({ subscriber, bill, consumption, dataAsOf: this.dataAsOf() }));
  }

  payments(input: OpParsedInput<'bills.payments'>): Out<'bills.payments'> {
    const code = this.options.access.codeFor(input.accessId);
    if (code === null) return forbidden();
    const payments = this.options.queries.payments(code).map(paymentView);
    return Promise.resolve(ok({ payments, dataAsOf: this.dataAsOf() }));
  }

  previous(input: OpParsedInput<'bills.previous'>): Out<'bills.previous'> {
    const code = this.options.access.codeFor(input.accessId);
    if (code === null) return forbidden();
    const bills = this.options.queries.previousBills(code);
    if (bills.length === 0) return Promise.resolve(err('not-found', billMessages.noPreviousBills));
    return Promise.resolve(ok({ bills: bills.map(previousBillItem), dataAsOf: this.dataAsOf() }));
  }

  async pdf(input: OpParsedInput<'bills.pdf'>): Out<'bills.pdf'> {
    const code = this.options.access.codeFor(input.accessId);
    if (code === null) return forbidden();
    const found = this.findBill(code, input.billNumber);
    if (found === null) return err('not-found', billMessages.billNotAvailable);
    const source = this.documentSource(found);
    const bytes = await this.options.documents.pdf(source);
    return ok({ fileName: fileName(source), base64: Buffer.from(bytes).toString('base64') });
  }

  async print(input: OpParsedInput<'bills.print'>): Out<'bills.print'> {
    const code = this.options.access.codeFor(input.accessId);
    if (code === null) return forbidden();
    const found = this.findBill(code, input.billNumber);
    if (found === null) return err('not-found', billMessages.billNotAvailable);
    const source = this.documentSource(found);
    const { printing, documents } = this.options;
    switch (printing.target()) {
      case 'none':
        return err('printer-offline', billMessages.noPrinter);
      case 'receipt': {
        const jobId = await printing.printSlip(source);
        return jobId === null ? err('printer-offline', billMessages.noSlipYet) : ok({ jobId });
      }
      case 'document': {
        const pdf = await documents.pdf(source);
        return ok({ jobId: await printing.printPdf(`Factura ${source.bill.period}`, pdf) });
      }
    }
  }

  /**
   * A bill the session may see, with what its screen and document show. `billNumber` null →
   * the current bill; otherwise it must be the current bill or one of the five before the last
   * payment, else null (not-found).
   */
  private findBill(code: number, billNumber: number | null): FoundBill | null {
    const { queries } = this.options;
    const subscriber = queries.subscriber(code);
    if (subscriber === undefined) return null;
    const valid = queries.latestValidBills(code);
    const current = valid[0];
    let bill: BillRow | undefined = current;
    if (billNumber !== null && billNumber !== current?.billNumber) {
      bill = queries.previousBills(code).find((b) => b.billNumber === billNumber);
    }
    if (bill === undefined) return null;
    const chosen = bill;
    // Up to six periods ending at the bill's: its own consumption, then the valid bills before it.
    const history = chosen === current ? valid : [chosen, ...valid.filter((b) => b.period < chosen.period)].slice(0, consumptionPeriods);
    return {
      // A paid current bill prints like a previous one: no barcode to pay it twice.
      kind: chosen === current && chosen.state !== 'pagada' ? 'current' : 'previous',
      subscriber: subscriberSummary(subscriber),
      bill: billView(chosen),
      consumption: history.map((b) => ({ period: b.period, consumptionM3: b.consumptionM3 })).reverse(),
    };
  }

  private documentSource(found: FoundBill): BillDocumentSource {
    return { ...found, entity: this.entity(), dataAsOf: this.dataAsOf() };
  }

  private entity(): BillDocumentSource['entity'] {
    const parsed = parseEntitySetting(this.options.queries.settingValue(entitySettingKey));
    if (!parsed.ok) throw new Error(`The replicated entity setting is not usable: ${parsed.error.message}`);
    return parsed.value;
  }

  private dataAsOf(): string | null {
    return this.options.meta.get('lastPullAt');
  }
}

const forbidden = (): Promise<Result<never>> => Promise.resolve(err('forbidden', billMessages.accessEnded));

/** `factura-2026-03.pdf`: no código interno in a file name a citizen may save on a shared kiosk. */
const fileName = (source: BillDocumentSource): string => `factura-${source.bill.period}.pdf`;
