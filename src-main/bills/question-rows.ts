import { createHash } from 'node:crypto';
import { consumptionBars, earlierAverageM3 } from '../../src-shared/domain/bill-document';
import type { BillQueries, BillRow } from './bill-queries';
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
 * connected later, its first). Four to eight index lookups on the replica.
 */
export class QuestionRows {
  constructor(
    private readonly queries: BillQueries,
    private readonly directory: PeerDirectory,
  ) {}

  /** Null when the replica cannot give this code three questions (too few subscribers, figures that repeat). */
  forCode(code: number, held: BillRow): ChallengeRows | null {
    const block = this.directory.blockOf(code);
    if (block === null || !block.includes(code)) return null;
    const shown = shownMembers(block, code, (member) => this.orderKey(member));
    const rows: QuestionFacts[] = [];
    for (const member of shown) {
      const facts = this.factsOf(member, held.period);
      if (facts === null) return null;
      rows.push(facts);
    }
    return { rows, right: shown.indexOf(code) };
  }

  private factsOf(code: number, period: string): QuestionFacts | null {
    const subscriber = this.queries.subscriber(code);
    let history = this.queries.validBillsUpTo(code, period);
    if (history.length === 0) {
      // Connected after that period: its first bill stands in.
      const first = this.queries.latestValidBills(code).at(-1);
      if (first === undefined) return null;
      history = this.queries.validBillsUpTo(code, first.period);
    }
    const bill = history[0];
    if (subscriber === undefined || bill === undefined) return null;
    return {
      total: bill.total,
      consumptionM3: bill.consumptionM3,
      averageM3: earlierAverageM3(bill, history),
      currentReading: bill.currentReading,
      previousReading: bill.previousReading,
      meterSerial: subscriber.meterSerial,
      // The chart's bars are oldest first and end at the bill's own.
      earlierM3: consumptionBars(bill, history)
        .slice(0, -1)
        .reverse()
        .slice(0, chartMonthsBack)
        .map((bar) => bar.consumptionM3),
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
