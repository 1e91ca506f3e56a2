import { gunzipSync } from 'node:zlib';
import type { FastifyInstance } from 'fastify';
import { unscrubbedLines } from '../../../src-shared/diagnostics/scrub';
import { err, ok } from '../../../src-shared/api/result';
import { diagnosticMaxBytes, diagnosticRoutes } from '../../../src-shared/server-api/diagnostic-routes';
import { waitInWords } from '../../accounts/login-throttle';
import { takeQuota, type Quota } from '../../accounts/quotas';
import type { ServerDatabase } from '../../db/open';
import { storeDiagnostic } from '../../devices/diagnostics';
import type { Logger } from '../../logger';
import { diagnosticPermissionRefusal } from '../../staff/diagnostic-permission';
import { apiRoutes } from '../api-route';
import { acceptBinaryBodies } from '../binary-body';

export interface DiagnosticRouteDeps {
  readonly database: ServerDatabase;
  readonly log: Logger;
  readonly now: () => Date;
  /** Largest compressed bundle; diagnosticMaxBytes (5 MiB) unless a test says less. */
  readonly maxBytes?: number;
}

/** One bundle a minute per device: a stuck button or a loop cannot fill the table. */
export const diagnosticsPerDevice: Quota = { name: 'diagnostic:device', limit: 1, windowMs: 60_000 };

/** Largest text a bundle may unpack to: a gzip bomb stops here instead of filling memory. */
const maxUnpackedBytes = 64 * 1024 * 1024;

const gzipMagic = (bytes: Buffer): boolean => bytes.length >= 2 && bytes[0] === 0x1f && bytes[1] === 0x8b;

/**
 * `device.diagnostics` of the route map (docs/operations.md, "Logs and diagnostics"): the
 * device's token before a byte of the body is read, the size cap before the rest of it, then
 * the staff member's signed permission for this device (staff/diagnostic-permission.ts: the
 * token alone names nobody), then a gzip that unpacks, and whose lines the device scrubbed
 * (src-shared/diagnostics/scrub.ts: a line the rules would still change is refused, and
 * nothing is kept).
 */
export function diagnosticRoutesPlugin(deps: DiagnosticRouteDeps): (app: FastifyInstance) => Promise<void> {
  return async (app) => {
    acceptBinaryBodies(app, diagnosticRoutes['device.diagnostics'].upload.contentTypes);
    app.addHook('onSend', async (_request, reply, payload) => {
      if (reply.statusCode >= 400) reply.header('connection', 'close');
      return payload;
    });
    const route = apiRoutes(app, {
      database: deps.database,
      now: deps.now,
      uploadMaxBytes: deps.maxBytes ?? diagnosticMaxBytes,
    });
    route('device.diagnostics', async (query, { device, request }) => {
      const bytes = request.body;
      if (!Buffer.isBuffer(bytes) || !gzipMagic(bytes))
        return err('validation', 'El diagnóstico debe llegar comprimido con gzip.');
      // Before the gunzip: a copied token must not buy the cost of unpacking, nor a name on a bundle.
      const refusal = await diagnosticPermissionRefusal(deps.database.exec, device, query, deps.now());
      if (refusal !== null) {
        deps.log.warn({ device: device.id, reason: refusal.reason }, 'diagnostic refused: permission');
        return err('forbidden', refusal.message);
      }
      let text: string;
      try {
        text = gunzipSync(bytes, { maxOutputLength: maxUnpackedBytes }).toString('utf8');
      } catch {
        return err('validation', 'El diagnóstico no se pudo descomprimir.');
      }
      const unscrubbed = unscrubbedLines(text);
      if (unscrubbed > 0) {
        deps.log.warn({ device: device.id, lines: unscrubbed }, 'diagnostic refused: lines not scrubbed');
        return err('validation', 'El diagnóstico trae líneas sin limpiar de datos personales; no se guardó.');
      }
      const now = deps.now();
      const quota = await takeQuota(
        deps.database.exec,
        `${diagnosticsPerDevice.name}:${device.id}`,
        diagnosticsPerDevice,
        now,
      );
      if (!quota.granted)
        return err(
          'locked',
          `Este equipo ya envió un diagnóstico hace poco. Espere ${waitInWords(quota.waitMs)} e intente de nuevo.`,
        );
      const stored = await storeDiagnostic(deps.database.exec, device.id, bytes, query.requestedBy, now);
      deps.log.info({ device: device.id, bytes: bytes.byteLength, diagnostic: stored.id }, 'diagnostic stored');
      return ok({ id: stored.id, sizeBytes: stored.sizeBytes });
    });
  };
}
