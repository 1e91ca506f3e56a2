import { z } from 'zod';
import { PushedEvent } from '../server-api/sync-api';

/**
 * The file a supervisor exports from a revoked device (its events the central server never
 * accepted) and an administrator loads with `npm run admin -- import-events <file>`. The server
 * applies them through the ordinary push path as the device they came from, so event ids keep
 * them from counting twice.
 *
 * `mac` is HMAC-SHA256 over `exportSignedText(file)` keyed with SHA-256 of the device's token
 * (the hash the server keeps of it): an edit of the file after export (an amount, a date) is
 * refused at import. It does not stop someone who holds the device's disk and token, who could
 * sign anything; the server's own checks on each event still apply.
 */
export const exportFormat = 'ventanilla.unsent-events';

export const ExportedEvent = PushedEvent.extend({
  /** `pending`: never answered; `parked`: the server rejected it (its reason in `lastError`). */
  state: z.enum(['pending', 'parked']),
  lastError: z.string().nullable(),
});
export type ExportedEvent = z.infer<typeof ExportedEvent>;

export const EventExportFile = z
  .object({
    format: z.literal(exportFormat),
    version: z.literal(1),
    deviceId: z.uuid(),
    deviceName: z.string(),
    deploymentId: z.string().nullable(),
    exportedAt: z.iso.datetime({ offset: true }),
    /** The supervisor who exported it (staff username). */
    exportedBy: z.string(),
    events: z.array(ExportedEvent),
    mac: z.string().regex(/^[0-9a-f]{64}$/),
  })
  .strict();
export type EventExportFile = z.infer<typeof EventExportFile>;

/** What the mac covers: every field but the mac, as canonical JSON (keys sorted, no spaces). */
export function exportSignedText(file: Omit<EventExportFile, 'mac'>): string {
  const { format, version, deviceId, deviceName, deploymentId, exportedAt, exportedBy, events } = file;
  return canonicalJson({ format, version, deviceId, deviceName, deploymentId, exportedAt, exportedBy, events });
}

/** JSON with object keys in sorted order at every depth, so both sides hash the same text. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (typeof value === 'object' && value !== null) {
    const entries = Object.entries(value)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}
