import { z } from 'zod';
import { ApprovalProof } from '../sync/approval';
import { defineRoute } from './route';

/**
 * A staff member's permission to send a diagnostic from one device (src-shared/sync/approval.ts,
 * diagnosticRequestMessage): until when, and the signature of their approval key over it.
 */
export const DiagnosticPermission = z.object({
  until: z.iso.datetime({ offset: true, error: 'La vigencia del permiso no es una fecha válida.' }),
  proof: ApprovalProof,
});
export type DiagnosticPermission = z.infer<typeof DiagnosticPermission>;

/**
 * A diagnostic bundle's upload (docs/operations.md, "Logs and diagnostics"): the gzip's own
 * bytes as the body; the query names the staff member who asked for it at the device, with
 * their signed permission, which the server checks before it reads the bundle.
 */
export const DiagnosticUploadQuery = z
  .object({ requestedBy: z.string().trim().min(1).max(64), ...DiagnosticPermission.shape })
  .strict();

export const DiagnosticUploadValue = z.object({ id: z.string(), sizeBytes: z.number().int().nonnegative() });

/** Largest bundle the server takes, compressed: 5 MiB. */
export const diagnosticMaxBytes = 5 * 1024 * 1024;

export const diagnosticRoutes = {
  'device.diagnostics': defineRoute({
    summary:
      '«Enviar diagnóstico»: a gzip of the device’s scrubbed last log lines, kept for the fleet view (one a minute per device), under the name of the staff member whose signed permission for this device it carries.',
    method: 'POST',
    path: '/v1/device/diagnostics',
    auth: 'device',
    request: DiagnosticUploadQuery,
    response: DiagnosticUploadValue,
    upload: { contentTypes: ['application/gzip'] },
    timeout: 'bulk',
  }),
};
