import { deviceModes } from '../../../src-shared/domain/device-mode';
import { AdminInputError, createEnrollmentCode } from '../../devices/admin';
import { seriesOf } from '../../devices/receipt-series';
import { reenrollDevice } from '../../devices/reenroll';
import type { SqlExecutor } from '../../db/sql-executor';
import { sendPage } from '../console-http';
import { consolePaths } from '../console-layout';
import type { ConsoleRouter } from '../console-routes';
import {
  emptyNewDevice,
  enrollmentCodePage,
  newDevicePage,
  newDevicePath,
  reenrollSection,
  replaceRevokedSection,
  type NewDeviceValues,
} from '../fleet-enroll-pages';
import { deviceHistory } from '../fleet-history-queries';
import { fleetHistorySection } from '../fleet-history-section';
import type { FleetDevice } from '../fleet-queries';
import type { FormFields } from '../form-bodies';
import type { Html } from '../html';
import { messagePage } from '../login-page';

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** What a device's page shows after its latest report: its recent reports, then re-enrolling. */
export async function fleetDeviceSections(
  exec: SqlExecutor,
  device: FleetDevice,
  csrf: string,
  now: Date,
): Promise<Html[]> {
  const history = await deviceHistory(exec, device.id);
  const enroll =
    device.revokedAt === null
      ? reenrollSection(device, csrf)
      : replaceRevokedSection(device, (await seriesOf(exec, device.id))?.prefix ?? null);
  return [fleetHistorySection(history.entries, history.total, now), enroll];
}

/**
 * «Reinscribir» (a live device's replacement: devices/reenroll.ts) and «Nuevo equipo», each
 * answering with the one-time code's page. Admins only, CSRF checked by the router. Audited in
 * the log (`console: device re-enrolled`, `console: enrollment code created`): who, which
 * device, the code's expiry — never the code.
 */
export function registerFleetEnrollRoutes(router: ConsoleRouter): void {
  const { deps } = router;
  const refused = messagePage('No tiene permiso', 'Solo un administrador puede ver y administrar los equipos.', {
    href: consolePaths.root,
    label: 'Volver a la consola',
  });
  const notFound = messagePage('No existe ese equipo', 'Revise el enlace o búsquelo en la lista de equipos.', {
    href: consolePaths.fleet,
    label: 'Volver a Equipos',
  });

  router.action(`${consolePaths.fleet}/:id/reinscribir`, async (request, reply, ctx) => {
    if (ctx.staff.role !== 'admin') {
      deps.log.warn({ staff: ctx.staff.username }, 'console: re-enroll refused: role');
      return sendPage(reply, refused, 403);
    }
    const id = (request.params as { id?: unknown }).id;
    if (typeof id !== 'string' || !uuidPattern.test(id)) return sendPage(reply, notFound, 404);
    const outcome = await reenrollDevice(deps.database, id);
    if (outcome.kind === 'not-found') return sendPage(reply, notFound, 404);
    if (outcome.kind === 'revoked') {
      deps.log.info({ staff: ctx.staff.username, device: id }, 'console: re-enroll refused: device revoked');
      return sendPage(
        reply,
        messagePage(
          'Ese equipo ya está revocado',
          'No se creó ningún código. Un equipo revocado ya fue reemplazado o retirado; para instalar otro en su lugar use «Nuevo equipo» desde su página.',
          { href: `${consolePaths.fleet}/${id}`, label: 'Volver al equipo' },
        ),
        409,
      );
    }
    const created = outcome.value;
    deps.log.info(
      {
        staff: ctx.staff.username,
        device: id,
        receiptPrefix: created.receiptPrefix,
        expiresAt: created.expiresAt.toISOString(),
      },
      'console: device re-enrolled',
    );
    return sendPage(reply, enrollmentCodePage(ctx.frame(), created, { id, name: created.deviceName }));
  });

  router.page(newDevicePath, async (request, reply, ctx) => {
    if (ctx.staff.role !== 'admin') return sendPage(reply, refused, 403);
    return sendPage(reply, newDevicePage(ctx.frame(), readValues(request.query)));
  });

  router.action(newDevicePath, async (_request, reply, ctx, form) => {
    if (ctx.staff.role !== 'admin') {
      deps.log.warn({ staff: ctx.staff.username }, 'console: enrollment code refused: role');
      return sendPage(reply, refused, 403);
    }
    const values = readValues(form);
    const mode = deviceModes.find((m) => m === values.mode);
    if (mode === undefined) {
      const frame = {
        ...ctx.frame(),
        notice: { kind: 'error' as const, text: 'Elija el tipo de equipo: kiosco, caja o campo.' },
      };
      return sendPage(reply, newDevicePage(frame, values), 400);
    }
    try {
      const created = await createEnrollmentCode(deps.database, {
        deviceName: values.name,
        mode,
        ...(values.office.trim() === '' ? {} : { office: values.office }),
        ...(values.receiptPrefix.trim() === '' ? {} : { receiptPrefix: values.receiptPrefix }),
      });
      deps.log.info(
        { staff: ctx.staff.username, mode: values.mode, expiresAt: created.expiresAt.toISOString() },
        'console: enrollment code created',
      );
      const receiptPrefix = values.receiptPrefix.trim() === '' ? null : values.receiptPrefix.trim().toUpperCase();
      return sendPage(
        reply,
        enrollmentCodePage(
          ctx.frame(),
          {
            ...created,
            deviceName: values.name.trim(),
            mode: values.mode,
            office: values.office.trim() === '' ? null : values.office.trim(),
            receiptPrefix,
          },
          null,
        ),
      );
    } catch (error) {
      if (!(error instanceof AdminInputError)) throw error;
      const frame = { ...ctx.frame(), notice: { kind: 'error' as const, text: error.message } };
      return sendPage(reply, newDevicePage(frame, values), 400);
    }
  });
}

function readValues(source: unknown): NewDeviceValues {
  const q = (typeof source === 'object' && source !== null ? source : {}) as FormFields | Record<string, unknown>;
  const text = (name: string): string => {
    const value = q[name];
    return typeof value === 'string' ? value.slice(0, 100) : '';
  };
  return {
    ...emptyNewDevice,
    name: text('nombre'),
    mode: text('modo'),
    office: text('sede'),
    receiptPrefix: text('serie'),
  };
}
