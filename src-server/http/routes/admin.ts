import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { ServerDatabase } from '../../db/open';
import {
  AdminInputError,
  createEnrollmentCode,
  listDevices,
  NewEnrollmentCode,
  revokeDevice,
} from '../../devices/admin';
import { assignRoutes, listFieldDeviceRoutes, unassignRoutes } from '../../devices/device-routes';
import { RouteCommand, type FieldDeviceRoutesValue } from '../../devices/route-admin-values';
import { EventImportError, importExportedEvents } from '../../sync/event-import';
import { importBankFile } from '../../wallet/bank-files/import-bank-file';
import { listPendingLiquidations } from '../../wallet/bank-files/pending-liquidations';
import type { MoneyRules } from '../../sync/money-rules';
import type { Logger } from '../../logger';
import { bearerToken } from '../device-auth';
import { HttpError, parseBody, sendApiError } from '../errors';
import { isLoopbackRequest } from '../loopback';
import type { AdminDeviceValue } from '../wire';

/**
 * Admin operations for the command on the same machine (`npm run admin`). They exist because
 * an embedded PGlite can be opened by one process only: while the server runs, the command
 * must ask the server instead of opening the database. Two locks: the request must come from
 * loopback, and carry the per-start admin token that only the local admin file holds.
 */
export function adminRoutes(
  database: ServerDatabase,
  adminToken: string,
  defaultTtlHours: number,
  log: Logger,
  /** For event imports: the push route's money rules, and the feed to wake after one. */
  pushes: {
    readonly rules?: MoneyRules | undefined;
    readonly changed: () => void;
    /** A field device's routes changed: long polls answer now with the new routes. */
    readonly routesChanged?: () => void;
  } = { changed: () => undefined },
  /** For bank files: the wallet's collected-service codes (its GLN); unchecked when absent. */
  bankFiles: { readonly serviceCodes?: readonly string[] } = {},
): (app: FastifyInstance) => Promise<void> {
  const expected = digest(adminToken);
  return async (app) => {
    app.addHook('onRequest', async (request) => {
      if (!isLoopbackRequest(request)) {
        throw new HttpError(403, {
          code: 'forbidden',
          message: 'La administración solo se permite desde este mismo equipo.',
        });
      }
      const token = bearerToken(request.headers.authorization);
      if (token === null || !timingSafeEqual(digest(token), expected)) {
        throw new HttpError(401, {
          code: 'wrong-credentials',
          message: 'Falta la clave de administración local o no es válida.',
        });
      }
    });

    app.post('/admin/v1/enrollment-codes', async (request) => {
      const input = parseBody(NewEnrollmentCode, request.body);
      const created = await createEnrollmentCode(database, {
        ...input,
        ttlHours: input.ttlHours ?? defaultTtlHours,
      }).catch((error: unknown) => {
        if (!(error instanceof AdminInputError)) throw error;
        throw new HttpError(
          400,
          error.field === undefined
            ? { code: 'validation', message: error.message }
            : { code: 'validation', message: error.message, field: error.field },
        );
      });
      log.info({ deviceName: input.deviceName, mode: input.mode }, 'Código de inscripción creado');
      return { ok: true, value: { code: created.code, expiresAt: created.expiresAt.toISOString() } };
    });

    app.get('/admin/v1/devices', async () => {
      const rows = await listDevices(database);
      const value = rows.map((d): AdminDeviceValue => ({
        ...d,
        createdAt: d.createdAt.toISOString(),
        lastSeenAt: d.lastSeenAt?.toISOString() ?? null,
        revokedAt: d.revokedAt?.toISOString() ?? null,
      }));
      return { ok: true, value };
    });

    app.post('/admin/v1/devices/:id/revoke', async (request, reply) => {
      const { id } = parseBody(RevokeParams, request.params);
      const outcome = await revokeDevice(database, id);
      if (outcome === 'not-found') {
        return sendApiError(reply, { code: 'not-found', message: `No existe un dispositivo con id ${id}.` });
      }
      log.info({ deviceId: id, outcome }, 'Dispositivo revocado');
      return { ok: true, value: { outcome } };
    });

    // The file a supervisor exported from a revoked device (sync/event-import.ts), as its JSON.
    app.post('/admin/v1/event-imports', { bodyLimit: EVENT_IMPORT_BODY_LIMIT }, async (request, reply) => {
      try {
        const outcome = await importExportedEvents(database, JSON.stringify(request.body), pushes.rules);
        if (outcome.applied > 0) pushes.changed();
        log.info(
          {
            deviceId: outcome.deviceId,
            applied: outcome.applied,
            duplicate: outcome.duplicate,
            rejected: outcome.rejected.length,
          },
          'Eventos importados',
        );
        return { ok: true, value: outcome };
      } catch (error) {
        if (!(error instanceof EventImportError)) throw error;
        return sendApiError(reply, { code: 'validation', message: error.message });
      }
    });

    // A bank's Asobancaria 2001 file: reconciled in one transaction; a refused file comes back as its summary's `rejected`.
    app.post('/admin/v1/bank-files', { bodyLimit: BANK_FILE_BODY_LIMIT }, async (request) => {
      const { fileName, text } = parseBody(BankFileBody, request.body);
      const summary = await importBankFile(database.exec, {
        fileName,
        text,
        importedBy: 'admin-cli',
        now: new Date(),
        serviceCodes: bankFiles.serviceCodes,
      });
      log.info(
        {
          sha256: summary.file.sha256,
          records: summary.records,
          applied: summary.applied,
          duplicates: summary.duplicates,
          unknownReference: summary.unknownReference,
          amountMismatch: summary.amountMismatch,
          rejectedLine: summary.rejected?.line ?? null,
        },
        'Archivo del banco importado',
      );
      return { ok: true, value: summary };
    });

    // Route assignment of field devices (docs/field-routes.md), as `admin-cli`.
    for (const action of ['assign', 'unassign'] as const) {
      app.post(`/admin/v1/routes/${action}`, async (request) => {
        const { device, routes } = parseBody(RouteCommand, request.body);
        const change = await (action === 'assign' ? assignRoutes : unassignRoutes)(
          database,
          device,
          routes,
          'admin-cli',
        ).catch(asValidation);
        if (change.changed.length > 0) pushes.routesChanged?.();
        log.info(
          { deviceId: change.device.id, action, routes: change.changed },
          'Rutas de un equipo de campo cambiadas',
        );
        return { ok: true, value: change };
      });
    }

    app.get('/admin/v1/routes', async (request) => {
      const { device } = parseBody(RoutesQuery, request.query);
      const list = await listFieldDeviceRoutes(database, device).catch(asValidation);
      const value = list.map((d): FieldDeviceRoutesValue => ({
        id: d.id,
        name: d.name,
        lastSeenAt: d.lastSeenAt?.toISOString() ?? null,
        routes: d.routes.map((r) => ({ ...r, assignedAt: r.assignedAt.toISOString() })),
      }));
      return { ok: true, value };
    });

    app.get('/admin/v1/liquidations/pending', async () => ({
      ok: true,
      value: await listPendingLiquidations(database.exec),
    }));
  };
}

const RevokeParams = z.object({ id: z.string() });

const RoutesQuery = z.object({ device: z.string().max(200).optional() });

/** An administrator's mistake (an unknown device, a bad route code) answers 400 with its Spanish message. */
function asValidation(error: unknown): never {
  if (!(error instanceof AdminInputError)) throw error;
  throw new HttpError(
    400,
    error.field === undefined
      ? { code: 'validation', message: error.message }
      : { code: 'validation', message: error.message, field: error.field },
  );
}

/** A bank's Asobancaria file as the admin command read it (docs/bank-files.md). */
const BankFileBody = z.object({ fileName: z.string().min(1).max(255), text: z.string() });

/** A 100,000-record Asobancaria file is about 16 MB of text. */
const BANK_FILE_BODY_LIMIT = 64 * 1024 * 1024;

/** A revoked counter's backlog can be days of payments: about 400 bytes each. */
const EVENT_IMPORT_BODY_LIMIT = 64 * 1024 * 1024;

/** Compare fixed-length digests so the comparison time says nothing about the token. */
function digest(value: string): Buffer {
  return createHash('sha256').update(value, 'utf8').digest();
}
