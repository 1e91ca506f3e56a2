import { createHash } from 'node:crypto';
import { consumptionBars, earlierAverageM3, type ChartBill } from '../../src-shared/domain/bill-document';
import type { BillQueries, QuestionBillRow } from './bill-queries';
import { shownMembers } from './peer-blocks';
import type { PeerDirectory } from './peer-directory';
import { chartMonthsBack, type QuestionFacts } from './validation-questions';

/** The four bills a challenge is made of, and which one is the subscriber's. */
export interface ChallengeRows {
  readonly rows: readonly QuestionFacts[];
  readonly right: number;
}

/**
 * Reads the bills a código's questions are made of: its own held bill and, for each peer it is
 * shown with, that peer's bill of the same period (or the nearest before it; a subscriber
 * connected later, its first). One indexed lookup per bill; a bill's consumption chart (for the
 * average and the months before) only if the figures asked first repeat among the four.
 */
export class QuestionRows {
  constructor(
    private readonly queries: BillQueries,
    private readonly directory: PeerDirectory,
  ) {}

  /** Null when the replica cannot give this code three questions (too few subscribers, a peer without bills). */
  /** `period`: the period of the bill the citizen holds (`YYYY-MM`). */
  forCode(code: number, period: string): ChallengeRows | null {
    const block = this.directory.blockOf(code);
    if (block === null || !block.includes(code)) return null;
    const keys = new Map(block.map((member) => [member, block.length > 4 ? this.orderKey(member) : '']));
    const shown = shownMembers(block, code, (member) => keys.get(member) ?? '');
    const rows: QuestionFacts[] = [];
    for (const member of shown) {
      const bill = this.queries.questionBillUpTo(member, period) ?? this.firstBill(member);
      if (bill === undefined) return null;
      rows.push(this.factsOf(bill));
    }
    return { rows, right: shown.indexOf(code) };
  }

  /** A subscriber connected after the period asked about: its first bill stands in. */
  private firstBill(code: number): QuestionBillRow | undefined {
    const first = this.queries.latestValidBills(code).at(-1);
    return first === undefined ? undefined : this.queries.questionBillUpTo(code, first.period);
  }

  private factsOf(bill: QuestionBillRow): QuestionFacts {
    let chart: readonly ChartBill[] | null = null;
    const history = (): readonly ChartBill[] =>
      (chart ??= this.queries.chartBillsUpTo(bill.codigoInterno, bill.period));
    return {
      total: bill.total,
      consumptionM3: bill.consumptionM3,
      currentReading: bill.currentReading,
      previousReading: bill.previousReading,
      meterSerial: bill.meterSerial,
      get averageM3() {
        return earlierAverageM3(bill, history());
      },
      // The chart's bars are oldest first and end at the bill's own.
      get earlierM3() {
        return consumptionBars(bill, history())
          .slice(0, -1)
          .reverse()
          .slice(0, chartMonthsBack)
          .map((bar) => bar.consumptionM3);
      },
    };
  }

  /**
   * The cyclic order of a block larger than four (peer-blocks.ts): a digest of the holder's
   * name and address, which the replica holds and someone trying códigos does not, the same on
   * every kiosk and after every restart.
   */
  private orderKey(code: number): string {
    const s = this.queries.subscriber(code);
    return createHash('sha256')
      .update(`${code}\u0000${s?.holderName ?? ''}\u0000${s?.address ?? ''}\u0000${s?.meterSerial ?? ''}`)
      .digest('hex');
  }
}
