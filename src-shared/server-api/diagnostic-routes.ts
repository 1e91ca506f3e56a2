import { z } from 'zod';
import { defineRoute } from './route';

/**
 * A diagnostic bundle's upload (docs/operations.md, "Logs and diagnostics"): the gzip's own
 * bytes as the body; the query names the staff member who asked for it at the device.
 */
export const DiagnosticUploadQuery = z.object({ requestedBy: z.string().trim().min(1).max(64).optional() }).strict();

export const DiagnosticUploadValue = z.object({ id: z.string(), sizeBytes: z.number().int().nonnegative() });

/** Largest bundle the server takes, compressed: 5 MiB. */
export const diagnosticMaxBytes = 5 * 1024 * 1024;

export const diagnosticRoutes = {
  'device.diagnostics': defineRoute({
    summary:
      '«Enviar diagnóstico»: a gzip of the device’s scrubbed last log lines, kept for the fleet view (one a minute per device).',
    method: 'POST',
    path: '/v1/device/diagnostics',
    auth: 'device',
    request: DiagnosticUploadQuery,
    response: DiagnosticUploadValue,
    upload: { contentTypes: ['application/gzip'] },
    timeout: 'bulk',
  }),
};
