import { z } from 'zod';

/**
 * A blind close's arqueo: expected and counted per tender, and the difference. The counter's
 * close answer and the `cash.session.closed` event the server keeps carry the same figures.
 */
export const CloseFigures = z.object({
  expectedCash: z.number().int(),
  countedCash: z.number().int(),
  expectedCard: z.number().int(),
  countedCard: z.number().int(),
  expectedCheck: z.number().int(),
  countedCheck: z.number().int(),
  /** Counted minus expected, all tenders. */
  difference: z.number().int(),
});
export type CloseFigures = z.infer<typeof CloseFigures>;
