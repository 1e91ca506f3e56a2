import { createHmac, timingSafeEqual } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { devices } from '../../db/server/schema';
import { deviceModes } from '../../src-shared/domain/device-mode';
import { maxPushBatch, type PushedEvent, type PushResult } from '../../src-shared/server-api/sync-api';
import { EventExportFile, exportSignedText } from '../../src-shared/sync/event-export';
import type { ServerDatabase } from '../db/open';
import type { AuthenticatedDevice } from '../devices/auth';
import type { MoneyRules } from './money-rules';
import { applyPushBatch } from './push-applier';

/** What an import did, event by event (the push path's own answers) and in sum. */
export interface ImportOutcome {
  readonly deviceId: string;
  readonly deviceName: string;
  readonly applied: number;
  readonly duplicate: number;
  readonly rejected: readonly { readonly id: string; readonly type: string; readonly reason: string }[];
}

export const ImportOutcomeValue = z.object({
  deviceId: z.string(),
  deviceName: z.string(),
  applied: z.number().int().nonnegative(),
  duplicate: z.number().int().nonnegative(),
  rejected: z.array(z.object({ id: z.string(), type: z.string(), reason: z.string() })),
});

/** A file that cannot be imported; the message is Spanish, for the administrator. */
export class EventImportError extends Error {
  override readonly name = 'EventImportError';
}

/**
 * Loads the events a supervisor exported from a revoked device (src-shared/sync/event-export.ts)
 * through the ordinary push path (`applyPushBatch`), as the device they came from, looked up by
 * id although it is revoked. Event ids make it idempotent: an event the device had pushed, or a
 * file loaded twice, comes back `duplicate` and counts once. Every check a push gets applies
 * (the device's mode, the staff, the money rules); a refused event is recorded in
 * `rejected_events` like any other. The file must be as exported: its mac is checked against
 * the device's token hash first.
 */
export async function importExportedEvents(
  database: ServerDatabase,
  text: string,
  rules?: MoneyRules,
): Promise<ImportOutcome> {
  const file = parseFile(text);
  const [row] = await database.db
    .select({
      id: devices.id,
      name: devices.name,
      mode: devices.mode,
      scope: devices.scope,
      office: devices.office,
      tokenHash: devices.tokenHash,
    })
    .from(devices)
    .where(eq(devices.id, file.deviceId));
  if (row === undefined)
    throw new EventImportError(
      `El archivo es de un dispositivo que este servidor no conoce (${file.deviceId}). ¿Es el servidor central correcto?`,
    );
  if (!macMatches(file, row.tokenHash)) {
    throw new EventImportError(
      'El archivo fue modificado después de exportarse, o no lo exportó ese dispositivo: no se importó nada.',
    );
  }
  const device: AuthenticatedDevice = {
    id: row.id,
    name: row.name,
    mode: z.enum(deviceModes).parse(row.mode),
    scope: row.scope,
    office: row.office,
  };
  const events: PushedEvent[] = file.events.map(({ id, deviceId, type, payload, createdAt }) => ({
    id,
    deviceId,
    type,
    payload,
    createdAt,
  }));
  const results: PushResult[] = [];
  // In the device's order, in batches the push route would accept.
  for (let i = 0; i < events.length; i += maxPushBatch)
    results.push(...(await applyPushBatch(database, device, events.slice(i, i + maxPushBatch), rules)));
  const typeOf = new Map(events.map((e) => [e.id, e.type]));
  return {
    deviceId: device.id,
    deviceName: device.name,
    applied: results.filter((r) => r.status === 'applied').length,
    duplicate: results.filter((r) => r.status === 'duplicate').length,
    rejected: results
      .filter((r) => r.status === 'rejected')
      .map((r) => ({
        id: r.id,
        type: typeOf.get(r.id) ?? '',
        reason: r.reason ?? 'Rechazado por el servidor central.',
      })),
  };
}

function parseFile(text: string): EventExportFile {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new EventImportError('El archivo no es JSON: no es una exportación de eventos de Ventanilla.');
  }
  const parsed = EventExportFile.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new EventImportError(
      `El archivo no es una exportación de eventos de Ventanilla válida (${issue?.path.join('.') || 'formato'}).`,
    );
  }
  if (parsed.data.events.some((e) => e.deviceId !== parsed.data.deviceId)) {
    throw new EventImportError('El archivo mezcla eventos de otro dispositivo: no se importó nada.');
  }
  return parsed.data;
}

/** HMAC-SHA256 keyed with the bytes of SHA-256(token), which is what `token_hash` holds in hex. */
function macMatches(file: EventExportFile, tokenHash: string): boolean {
  const { mac, ...body } = file;
  const expected = createHmac('sha256', Buffer.from(tokenHash, 'hex')).update(exportSignedText(body), 'utf8').digest();
  const given = Buffer.from(mac, 'hex');
  return given.length === expected.length && timingSafeEqual(given, expected);
}
