/**
 * Bill numbers (número de factura): `yyyymm` followed by an 8-digit slot, e.g. 20260300012345.
 * The slot is the subscriber's index + 1 for the period's bill and 50,000,000 + index + 1 for a
 * bill reissued after an annulment, so numbers are unique without any shared counter, sort by
 * period, and fit comfortably in a JavaScript safe integer and a PostgreSQL bigint.
 */
import { periodNumber, type Period } from './calendar';

const slotsPerPeriod = 100_000_000;
const reissueOffset = 50_000_000;

export function billNumberFor(period: Period, index: number, reissue: boolean): number {
  if (index < 0 || index >= reissueOffset - 1) throw new RangeError(`Subscriber index out of range: ${index}`);
  return periodNumber(period) * slotsPerPeriod + (reissue ? reissueOffset : 0) + index + 1;
}
