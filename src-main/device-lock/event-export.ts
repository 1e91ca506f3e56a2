import { createHash, createHmac, randomBytes } from 'node:crypto';
import { chmodSync, closeSync, fsyncSync, mkdirSync, openSync, renameSync, statSync, writeSync } from 'node:fs';
import path from 'node:path';
import { err, ok, type Result } from '../../src-shared/api/result';
import { moneyEventKinds } from '../../src-shared/sync/event-permissions';
import {
  exportFormat,
  exportSignedText,
  type EventExportFile,
  type ExportedEvent,
} from '../../src-shared/sync/event-export';
import type { DeviceMeta } from '../device/device-meta';
import type { Store } from '../store/open-store';
import { lockMessages } from './lock-messages';

export interface ExportedFile {
  readonly file: string;
  readonly events: number;
  readonly moneyEvents: number;
}

interface OutboxRow {
  readonly id: string;
  readonly type: string;
  readonly payload: string;
  readonly createdAt: string;
  readonly state: 'pending' | 'parked';
  readonly lastError: string | null;
}

/**
 * Writes the events the central server never accepted (pending and parked, oldest first) to
 * `<exportsDir>/eventos-sin-enviar-<device id>-<instant>.json` for the office
 * (src-shared/sync/event-export.ts says what the file holds and how the server checks it). The
 * events stay in the outbox: an export is a copy, never a removal. The file is written whole
 * or not at all (temporary file, fsync, rename), mode 0600, in a 0700 folder; it is not
 * encrypted, because the office must read it: it holds what a receipt shows. The export, who
 * made it and what it covers go to the audit log once the file is on disk.
 */
export function exportUnsentEvents(
  store: Store,
  meta: DeviceMeta,
  exportsDir: string,
  supervisor: string,
  now: Date,
): Result<ExportedFile> {
  const deviceId = meta.get('deviceId');
  const token = meta.get('deviceToken');
  if (deviceId === null || token === null) return err('not-found', lockMessages.notEnrolled);
  const exportedAt = now.toISOString();
  const fileName = `eventos-sin-enviar-${deviceId}-${exportedAt.replace(/[:.]/g, '-')}.json`;
  const rows = store.sqlite
    .prepare(
      `SELECT id, type, payload, created_at AS createdAt, state, last_error AS lastError
       FROM outbox WHERE state IN ('pending', 'parked') ORDER BY id`,
    )
    .all() as OutboxRow[];
  const events: ExportedEvent[] = rows.map((row) => ({
    id: row.id,
    deviceId,
    type: row.type,
    payload: JSON.parse(row.payload) as Record<string, unknown>,
    createdAt: row.createdAt,
    state: row.state,
    lastError: row.lastError,
  }));
  if (events.length === 0) return err('not-found', lockMessages.nothingToExport);

  const body: Omit<EventExportFile, 'mac'> = {
    format: exportFormat,
    version: 1,
    deviceId,
    deviceName: meta.get('deviceName') ?? '',
    deploymentId: meta.get('deploymentId'),
    exportedAt,
    exportedBy: supervisor,
    events,
  };
  // The server keeps SHA-256 of the token; the same bytes key the mac on both sides.
  const macKey = createHash('sha256').update(token, 'utf8').digest();
  const mac = createHmac('sha256', macKey).update(exportSignedText(body), 'utf8').digest('hex');
  const file = path.join(exportsDir, fileName);
  writePrivateFile(file, `${JSON.stringify({ ...body, mac } satisfies EventExportFile, null, 2)}\n`);
  // Recorded once the file is on disk: the audit never claims an export that did not happen.
  const record = store.sqlite.transaction(() => {
    store.sqlite
      .prepare(`INSERT INTO audit_log (at, action, actor, details) VALUES (?, 'device.events_exported', ?, ?)`)
      .run(
        exportedAt,
        supervisor,
        JSON.stringify({
          file: fileName,
          events: events.length,
          firstEventId: events[0]?.id,
          lastEventId: events.at(-1)?.id,
        }),
      );
    meta.set({ eventsExportedAt: exportedAt });
  });
  record.immediate();
  const money = events.filter((e) => (moneyEventKinds as readonly string[]).includes(e.type)).length;
  return ok({ file, events: events.length, moneyEvents: money });
}

function writePrivateFile(file: string, text: string): void {
  const dir = path.dirname(file);
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  if (process.platform !== 'win32' && (statSync(dir).mode & 0o077) !== 0) chmodSync(dir, 0o700);
  const temp = `${file}.${randomBytes(4).toString('hex')}.tmp`;
  const fd = openSync(temp, 'wx', 0o600);
  try {
    writeSync(fd, text);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(temp, file);
}
