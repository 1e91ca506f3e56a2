import { PageSizes } from 'pdf-lib';

/**
 * Where each band of the bill sits on a US-letter page (612 × 792 pt, origin bottom-left), top
 * to bottom. Fixed bands keep every bill the same: the coupon and its barcode are always in the
 * same place, which matters to cashiers who scan hundreds a day, and to printer margins.
 */
const [width, height] = PageSizes.Letter;

export const page = { width, height, margin: 36, contentWidth: width - 72 } as const;

export const bands = {
  headerTop: 756,
  subscriberTop: 672,
  datesTop: 598,
  middleTop: 556,
  paymentPointsTop: 350,
  couponTop: 280,
  footerTop: 108,
} as const;

/** The two columns of the middle band. */
export const columns = {
  left: { x: page.margin, width: 258 },
  right: { x: 312, width: width - page.margin - 312 },
} as const;
