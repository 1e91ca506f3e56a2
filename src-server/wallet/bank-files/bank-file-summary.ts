import { z } from 'zod';

/**
 * What importing a bank file did (docs/bank-files.md), as `npm run admin -- bank-file import
 * --json` prints it and the staff console shows it. Counts are of detail records (`06`).
 */
export const BankFileSummary = z.object({
  file: z.object({
    /** bank_files.id; null when the file was refused or had been imported before. */
    id: z.string().nullable(),
    name: z.string(),
    /** SHA-256 of the file's bytes: the same file is recognised whatever its name. */
    sha256: z.string(),
    /** From the file header; null when the file was refused before it could be read. */
    bankCode: z.string().nullable(),
    collectedOn: z.string().nullable(),
    /** Sum of its records in whole pesos. */
    totalAmount: z.number().int(),
    /** When this import wrote it (ISO); null when nothing was written. */
    importedAt: z.string().nullable(),
    /** When the same file was imported before (ISO): nothing was applied this time. */
    importedBefore: z.string().nullable(),
  }),
  records: z.number().int(),
  /** Credited to a liquidación's wallet (including expired, annulled or already-paid ones, flagged for staff). */
  applied: z.number().int(),
  /** Seen before, in this file or another: not applied again. */
  duplicates: z.number().int(),
  /** Parked for staff: no liquidación has that reference. */
  unknownReference: z.number().int(),
  /** Parked for staff: the amount is not the liquidación's. */
  amountMismatch: z.number().int(),
  /** The whole file refused (nothing written): the first line at fault. */
  rejected: z.object({ line: z.number().int(), message: z.string() }).nullable(),
});
export type BankFileSummary = z.infer<typeof BankFileSummary>;
