import { z } from 'zod';
import { defineOperation, staffModes, supervisorGrant } from '../operation';

/** What «Enviar diagnóstico» sent: the server's id for it, and its size. */
export const DiagnosticSent = z.object({
  id: z.string(),
  /** The gzip's size in bytes. */
  sizeBytes: z.number().int().nonnegative(),
  /** Log lines it carries (besides the device summary). */
  lines: z.number().int().nonnegative(),
});
export type DiagnosticSent = z.infer<typeof DiagnosticSent>;

export const diagnosticsOps = {
  'diagnostics.send': defineOperation({
    summary:
      '«Enviar diagnóstico»: the last log lines and a short device summary, scrubbed of personal data, gzip-compressed ' +
      'and uploaded to the central server for IT staff (docs/operations.md). A supervisor’s grant (counters and field ' +
      'laptops; a kiosk has kiosk.sendDiagnostic); needs the server.',
    reach: 'server',
    modes: staffModes,
    auth: supervisorGrant,
    input: z.object({ grantId: z.string().min(16).max(64) }).strict(),
    output: DiagnosticSent,
  }),
};
