import { realpathSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import pino from 'pino';
import { deviceModes, type DeviceMode } from '../src-shared/domain/device-mode';
import {
  AdminRequestError,
  changeRoutesViaServer,
  createEnrollmentCodeViaServer,
  importBankFileViaServer,
  importEventsViaServer,
  isServerAnswering,
  listDevicesViaServer,
  listRoutesViaServer,
  pendingLiquidationsViaServer,
  revokeDeviceViaServer,
} from '../src-server/admin/admin-client';
import { readLocalAdminFile } from '../src-server/admin/local-admin-file';
import {
  passwordFrom,
  staffCommand,
  staffHelp,
  staffUsage,
  StaffUsageError,
  type PasswordInput,
} from '../src-server/admin/staff-cli';
import { releaseCommand, releaseHelp, releaseUsage, ReleaseUsageError } from '../src-server/releases/release-cli';
import { loadServerConfig, type ServerConfig } from '../src-server/config';
import { migrateServerDatabase } from '../src-server/db/migrate';
import { openServerDatabase } from '../src-server/db/open';
import { AdminInputError, createEnrollmentCode, listDevices, revokeDevice } from '../src-server/devices/admin';
import { assignRoutes, listFieldDeviceRoutes, unassignRoutes } from '../src-server/devices/device-routes';
import type { FieldDeviceRoutesValue } from '../src-server/devices/route-admin-values';
import { EventImportError, importExportedEvents, type ImportOutcome } from '../src-server/sync/event-import';
import { loadMoneyRules } from '../src-server/sync/money-rules';
import { createServerLogger } from '../src-server/logger';
import { renewEpoch } from '../src-server/sync/feed-epoch';
import { formatCop } from '../src-shared/domain/money';
import type { BankFileSummary } from '../src-server/wallet/bank-files/bank-file-summary';
import { importBankFile } from '../src-server/wallet/bank-files/import-bank-file';
import { listPendingLiquidations, type PendingLiquidation } from '../src-server/wallet/bank-files/pending-liquidations';

/**
 * `npm run admin -- <command>`: device administration of the central server.
 * With PostgreSQL it opens the database directly. With the embedded PGlite it asks the
 * running server (via `<dataDir>/server/admin.json`), because PGlite allows one process only;
 * when no server runs it opens the PGlite files itself.
 */
const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

const USAGE = `Uso:
  npm run admin -- enrollment-code --name "Caja 1" --mode cashier [--office "Sede Centro"] [--receipt-prefix CAJA1] [--scope RUTA] [--ttl-hours 24]
  npm run admin -- devices
  npm run admin -- revoke <id-del-dispositivo>
  npm run admin -- import-events <archivo.json>
  npm run admin -- restored
  npm run admin -- bank-file import <archivo-asobancaria.txt> [--json]
  npm run admin -- liquidations --pending [--json]
  npm run admin -- routes assign <equipo> <ruta...>
  npm run admin -- routes unassign <equipo> <ruta...>
  npm run admin -- routes list [equipo]
${staffUsage}
${releaseUsage}

Modos: kiosk (kiosco), cashier (caja), field (campo).
--office: la sede del equipo (una caja anula solo pagos de su sede).
--receipt-prefix: la serie de recibos de una caja reinstalada (la del equipo revocado); sin él, una nueva.
--scope: el código de ruta (p. ej. 03-117) de un equipo de campo.
restored: después de restaurar la base de datos del servidor central desde una copia (con el servidor
  detenido): los equipos vuelven a descargar sus datos y a enviar lo que el servidor ya no tenga.
import-events: carga los registros sin enviar que un supervisor exportó de un equipo dado de baja
  (carpeta exports/ de sus datos); lo ya registrado no se cuenta dos veces.
bank-file import: concilia el archivo de recaudos Asobancaria 2001 de un banco: abona a cada prepago lo
  pagado por su liquidación; lo ya importado no se aplica dos veces; referencias desconocidas y valores
  distintos quedan para revisión del personal. Un archivo dañado se rechaza entero (código de salida 3).
liquidations --pending: las liquidaciones pendientes de pago (número, referencia, valor, vencimiento).
routes: las rutas de un equipo de campo (su nombre o su id): el ciclo (03) o el ciclo y la ruta (03-117).
  El portátil guarda solo los suscriptores de sus rutas; al quitar una ruta borra sus datos (docs/field-routes.md).
--json: la respuesta exacta en JSON, para otro programa.
${staffHelp}${releaseHelp}
Variables: VENTANILLA_DATA_DIR, DATABASE_URL (ver README).`;

class UsageError extends Error {}

interface Device {
  id: string;
  name: string;
  mode: DeviceMode;
  scope: string | null;
  office: string | null;
  lastSeenAt: string | null;
  revokedAt: string | null;
}

/** The three operations, whichever way the database is reached. */
interface AdminTarget {
  createCode(input: {
    deviceName: string;
    mode: DeviceMode;
    scope?: string;
    office?: string;
    receiptPrefix?: string;
    ttlHours: number;
  }): Promise<{ code: string; expiresAt: string }>;
  devices(): Promise<Device[]>;
  revoke(id: string): Promise<'revoked' | 'already-revoked' | 'not-found'>;
  importEvents(fileText: string): Promise<ImportOutcome>;
  importBankFile(file: { fileName: string; text: string }): Promise<BankFileSummary>;
  pendingLiquidations(): Promise<PendingLiquidation[]>;
  changeRoutes(
    action: 'assign' | 'unassign',
    device: string,
    routes: string[],
  ): Promise<{ device: { id: string; name: string }; changed: string[]; unchanged: string[] }>;
  listRoutes(device?: string): Promise<FieldDeviceRoutesValue[]>;
}

/** What the command reads and writes: the process's own in the script, a test's in-process. */
export interface AdminIo {
  /** The arguments after the script's name. */
  readonly args: readonly string[];
  readonly env: NodeJS.ProcessEnv;
  /** Where a password comes from (staff): typed at a terminal, or piped. */
  readonly stdin: PasswordInput;
  readonly stdout: { write(text: string): unknown };
  readonly stderr: { write(text: string): unknown };
}

/**
 * The whole command; the exit code it ends with: 0 done, 1 refused, 2 a usage mistake,
 * 3 a bank file refused whole. The script passes the process's argv, env and streams.
 */
export async function runAdmin(io: AdminIo): Promise<number> {
  const out = (line: string): void => void io.stdout.write(`${line}\n`);
  try {
    return await main(io, out);
  } catch (error) {
    if (error instanceof UsageError || error instanceof ReleaseUsageError || error instanceof StaffUsageError) {
      io.stderr.write(`${error.message}\n\n${USAGE}\n`);
      return 2;
    }
    io.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  }
}

type Print = (line: string) => void;

async function main(io: AdminIo, out: Print): Promise<number> {
  const [command, ...rest] = io.args;
  if (command === undefined || command === '--help' || command === '-h' || command === 'help') {
    out(USAGE);
    return 0;
  }
  const config = loadServerConfig(io.env, { dataDir: path.join(repoRoot, '.data') });
  switch (command) {
    case 'enrollment-code': {
      const input = parseEnrollmentArgs(rest, config);
      await withTarget(config, io.env, async (target) => {
        const { code, expiresAt } = await target.createCode(input);
        out(
          `Código de inscripción para «${input.deviceName}» (${input.mode}${input.scope ? `, alcance ${input.scope}` : ''}):\n`,
        );
        out(`    ${code}\n`);
        out(`Vence el ${formatDate(expiresAt)}. Sirve una sola vez; ingréselo en el dispositivo.`);
      });
      return 0;
    }
    case 'devices': {
      if (rest.length > 0) throw new UsageError(`«devices» no recibe argumentos (recibió: ${rest.join(' ')}).`);
      await withTarget(config, io.env, async (target) => printDevices(await target.devices(), out));
      return 0;
    }
    case 'revoke': {
      const [id, ...extra] = rest;
      if (id === undefined || extra.length > 0)
        throw new UsageError('«revoke» recibe exactamente un id de dispositivo.');
      await withTarget(config, io.env, async (target) => {
        const outcome = await target.revoke(id);
        if (outcome === 'not-found')
          throw new AdminInputError(
            `No existe un dispositivo con id ${id}. Vea la lista con «npm run admin -- devices».`,
          );
        out(
          outcome === 'revoked'
            ? `Dispositivo ${id} revocado: su próxima solicitud será rechazada.`
            : `El dispositivo ${id} ya estaba revocado.`,
        );
      });
      return 0;
    }
    case 'import-events': {
      const [file, ...extra] = rest;
      if (file === undefined || extra.length > 0)
        throw new UsageError('«import-events» recibe exactamente un archivo exportado (.json).');
      const text = await readFile(file, 'utf8').catch((error: unknown) => {
        throw new AdminInputError(`No se pudo leer ${file}: ${error instanceof Error ? error.message : String(error)}`);
      });
      await withTarget(config, io.env, async (target) => printImport(await target.importEvents(text), out));
      return 0;
    }
    case 'bank-file': {
      const { json, positionals } = jsonFlag(rest);
      const [sub, file, ...extra] = positionals;
      if (sub !== 'import' || file === undefined || extra.length > 0)
        throw new UsageError('«bank-file» se usa así: bank-file import <archivo> [--json].');
      // latin1: one character per byte, so any file reads whole (Asobancaria files are ASCII).
      const text = await readFile(file, 'latin1').catch((error: unknown) => {
        throw new AdminInputError(`No se pudo leer ${file}: ${error instanceof Error ? error.message : String(error)}`);
      });
      let code = 0;
      await withTarget(config, io.env, async (target) => {
        const summary = await target.importBankFile({ fileName: path.basename(file), text });
        if (json) out(JSON.stringify(summary));
        else printBankFile(summary, out);
        // A refused file is not an error of the command, but a script must be able to tell.
        if (summary.rejected !== null) code = 3;
      });
      return code;
    }
    case 'liquidations': {
      const { json, positionals } = jsonFlag(rest);
      if (!positionals.includes('--pending') || positionals.length !== 1)
        throw new UsageError('«liquidations» se usa así: liquidations --pending [--json].');
      await withTarget(config, io.env, async (target) => {
        const pending = await target.pendingLiquidations();
        if (json) out(JSON.stringify(pending));
        else printPending(pending, out);
      });
      return 0;
    }
    case 'routes': {
      await routesCommand(config, io.env, rest, out);
      return 0;
    }
    case 'staff':
      await staffCommand(config, rest, out, (username) => passwordFrom(io.stdin)(username));
      return 0;
    case 'release':
      await releaseCommand(config, rest, out);
      return 0;
    case 'restored': {
      if (rest.length > 0) throw new UsageError(`«restored» no recibe argumentos (recibió: ${rest.join(' ')}).`);
      await markRestored(config, out);
      return 0;
    }
    default:
      throw new UsageError(`Comando desconocido: «${command}».`);
  }
}

function parseEnrollmentArgs(args: string[], config: ServerConfig) {
  const { values, positionals } = parseOptions(args);
  if (positionals.length > 0)
    throw new UsageError(`Argumentos sobrantes: ${positionals.join(' ')}. ¿Faltan comillas en --name?`);
  if (values.name === undefined || values.name.trim() === '')
    throw new UsageError('Falta --name "Nombre del dispositivo".');
  const mode = deviceModes.find((m) => m === values.mode);
  if (mode === undefined)
    throw new UsageError(
      `--mode debe ser kiosk, cashier o field${values.mode === undefined ? '' : ` (no «${values.mode}»)`}.`,
    );
  const ttlText = values['ttl-hours'];
  const ttlHours = ttlText === undefined ? config.enrollmentCodeTtlHours : Number(ttlText);
  if (!Number.isInteger(ttlHours) || ttlHours < 1 || ttlHours > 720) {
    throw new UsageError(`--ttl-hours debe ser un número entero de horas entre 1 y 720 (no «${ttlText ?? ''}»).`);
  }
  return {
    deviceName: values.name.trim(),
    mode,
    scope: values.scope?.trim() || undefined,
    office: values.office?.trim() || undefined,
    receiptPrefix: values['receipt-prefix']?.trim() || undefined,
    ttlHours,
  };
}

function parseOptions(args: string[]) {
  try {
    return parseArgs({
      args,
      options: {
        name: { type: 'string' },
        mode: { type: 'string' },
        scope: { type: 'string' },
        office: { type: 'string' },
        'receipt-prefix': { type: 'string' },
        'ttl-hours': { type: 'string' },
      },
      strict: true,
      allowPositionals: true,
    });
  } catch (error) {
    // node:util reports in English; name the option in Spanish terms instead.
    const option = /'(-[^' ]+)/.exec(error instanceof Error ? error.message : '')?.[1] ?? '';
    const code = error instanceof Error && 'code' in error ? String(error.code) : '';
    if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') throw new UsageError(`Falta el valor de la opción ${option}.`);
    throw new UsageError(`Opción desconocida: ${option || String(error)}.`);
  }
}

/**
 * After a restore from a backup: a new feed epoch, so every device downloads its replica again
 * and sends again what the restored database lost (src-server/sync/feed-epoch.ts). Run with the
 * server stopped, before it serves any device.
 */
async function markRestored(config: ServerConfig, out: Print): Promise<void> {
  if (config.databaseUrl === null) {
    const endpoint = await readLocalAdminFile(config.dataDir);
    if (endpoint !== null && (await isServerAnswering(endpoint))) {
      throw new AdminInputError(
        'El servidor central está en marcha: deténgalo, restaure la copia y ejecute este comando antes de iniciarlo.',
      );
    }
  }
  const database = await openServerDatabase(config, { logger: createServerLogger('warn', pino.destination(2)) });
  try {
    await migrateServerDatabase(database.exec);
    await renewEpoch(database.exec);
    out(
      'Listo: al conectarse, cada equipo volverá a descargar sus datos y enviará de nuevo lo que el servidor no tenga.',
    );
  } finally {
    await database.close();
  }
}

async function withTarget(
  config: ServerConfig,
  env: NodeJS.ProcessEnv,
  fn: (target: AdminTarget) => Promise<void>,
): Promise<void> {
  if (config.databaseUrl === null) {
    const endpoint = await readLocalAdminFile(config.dataDir);
    if (endpoint !== null && (await isServerAnswering(endpoint))) {
      await fn({
        createCode: (input) => createEnrollmentCodeViaServer(endpoint, input),
        devices: () => listDevicesViaServer(endpoint),
        revoke: async (id) => {
          try {
            return (await revokeDeviceViaServer(endpoint, id)).outcome;
          } catch (error) {
            if (error instanceof AdminRequestError && error.code === 'not-found') return 'not-found';
            throw error;
          }
        },
        importEvents: (fileText) => importEventsViaServer(endpoint, parseExportJson(fileText)),
        importBankFile: (file) => importBankFileViaServer(endpoint, file),
        pendingLiquidations: () => pendingLiquidationsViaServer(endpoint),
        changeRoutes: (action, device, routes) => changeRoutesViaServer(endpoint, action, { device, routes }),
        listRoutes: (device) => listRoutesViaServer(endpoint, device),
      });
      return;
    }
  }
  // Logs go to stderr at warn: stdout is for the person reading the answer.
  const database = await openServerDatabase(config, { logger: createServerLogger('warn', pino.destination(2)) });
  try {
    await migrateServerDatabase(database.exec);
    await fn({
      createCode: async (input) => {
        const created = await createEnrollmentCode(database, input);
        return { code: created.code, expiresAt: created.expiresAt.toISOString() };
      },
      devices: async () =>
        (await listDevices(database)).map((d) => ({
          ...d,
          lastSeenAt: d.lastSeenAt?.toISOString() ?? null,
          revokedAt: d.revokedAt?.toISOString() ?? null,
        })),
      revoke: (id) => revokeDevice(database, id),
      // The money rules the server applies to pushes (VENTANILLA_VOID_SCOPE, VENTANILLA_PAYMENT_MAX_AGE_DAYS).
      importEvents: (fileText) => importExportedEvents(database, fileText, loadMoneyRules(env)),
      importBankFile: (file) =>
        importBankFile(database.exec, {
          ...file,
          importedBy: 'admin-cli',
          now: new Date(),
          serviceCodes: config.wallet === undefined ? undefined : [config.wallet.recaudoGln],
        }),
      pendingLiquidations: () => listPendingLiquidations(database.exec),
      changeRoutes: async (action, device, routes) => {
        const change = await (action === 'assign' ? assignRoutes : unassignRoutes)(
          database,
          device,
          routes,
          'admin-cli',
        );
        return { device: change.device, changed: [...change.changed], unchanged: [...change.unchanged] };
      },
      listRoutes: async (device) =>
        (await listFieldDeviceRoutes(database, device)).map((d) => ({
          id: d.id,
          name: d.name,
          lastSeenAt: d.lastSeenAt?.toISOString() ?? null,
          routes: d.routes.map((r) => ({ ...r, assignedAt: r.assignedAt.toISOString() })),
        })),
    });
  } finally {
    await database.close();
  }
}

/** The running server takes the file as JSON; a file that is not JSON is refused here, in the same words. */
function parseExportJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw new EventImportError('El archivo no es JSON: no es una exportación de eventos de Ventanilla.');
  }
}

function printImport(outcome: ImportOutcome, out: Print): void {
  out(
    `Eventos de «${outcome.deviceName}» (${outcome.deviceId}): ${outcome.applied} aplicados, ` +
      `${outcome.duplicate} ya estaban registrados, ${outcome.rejected.length} rechazados.`,
  );
  if (outcome.rejected.length === 0) return;
  out('\nRechazados (quedan en rejected_events para revisarlos en la oficina):');
  for (const r of outcome.rejected) out(`  ${r.id}  ${r.type}: ${r.reason}`);
}

/** `--json` anywhere among a command's arguments; the rest as given. */
function jsonFlag(args: string[]): { json: boolean; positionals: string[] } {
  return { json: args.includes('--json'), positionals: args.filter((a) => a !== '--json') };
}

function printBankFile(summary: BankFileSummary, out: Print): void {
  const { file } = summary;
  if (summary.rejected !== null) {
    out(`Archivo «${file.name}» rechazado: ${summary.rejected.message}`);
    out('No se aplicó ningún pago. Pida al banco el archivo corregido e impórtelo de nuevo.');
    return;
  }
  const collected = file.collectedOn === null ? '' : `, recaudo del ${formatDay(file.collectedOn)}`;
  out(
    `Archivo «${file.name}» (banco ${file.bankCode ?? '—'}${collected}): ${summary.records} pagos por ${formatCop(file.totalAmount)}.`,
  );
  if (file.importedBefore !== null) {
    out(`Este archivo ya se importó el ${formatDate(file.importedBefore)}: no se aplicó nada de nuevo.`);
    return;
  }
  const lines: [string, number][] = [
    ['Aplicados a su liquidación', summary.applied],
    ['Ya importados antes (no se aplican de nuevo)', summary.duplicates],
    ['Referencia desconocida (para revisión)', summary.unknownReference],
    ['Valor distinto al de la liquidación (para revisión)', summary.amountMismatch],
  ];
  const width = Math.max(...lines.map(([label]) => label.length));
  for (const [label, count] of lines) out(`  ${`${label}:`.padEnd(width + 1)} ${count}`);
  if (summary.unknownReference + summary.amountMismatch > 0)
    out('Los pagos para revisión quedan en la consola del personal, con la línea del archivo del banco.');
}

function printPending(pending: PendingLiquidation[], out: Print): void {
  if (pending.length === 0) {
    out('No hay liquidaciones pendientes de pago.');
    return;
  }
  const rows = pending.map((p) => [String(p.number), p.reference, formatCop(p.amount), p.dueDate]);
  const header = ['NÚMERO', 'REFERENCIA', 'VALOR', 'VENCE'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  for (const row of [header, ...rows])
    out(
      row
        .map((cell, i) => (i === 2 ? cell.padStart(widths[i] ?? 0) : cell.padEnd(widths[i] ?? 0)))
        .join('  ')
        .trimEnd(),
    );
  out(`\n${pending.length} pendientes por ${formatCop(pending.reduce((sum, p) => sum + p.amount, 0))}.`);
}

function formatDay(isoDay: string): string {
  return new Intl.DateTimeFormat('es-CO', { dateStyle: 'medium', timeZone: 'UTC' }).format(
    new Date(`${isoDay}T00:00:00Z`),
  );
}

/** `routes assign|unassign <device> <route...>` and `routes list [device]` (docs/field-routes.md). */
async function routesCommand(config: ServerConfig, env: NodeJS.ProcessEnv, args: string[], out: Print): Promise<void> {
  const [sub, device, ...routes] = args;
  if (sub === 'list') {
    if (routes.length > 0) throw new UsageError('«routes list» recibe a lo sumo un equipo.');
    await withTarget(config, env, async (target) => printRoutes(await target.listRoutes(device), out));
    return;
  }
  if ((sub !== 'assign' && sub !== 'unassign') || device === undefined || routes.length === 0)
    throw new UsageError('«routes» se usa así: routes assign|unassign <equipo> <ruta...>, o routes list [equipo].');
  await withTarget(config, env, async (target) => {
    const change = await target.changeRoutes(sub, device, routes);
    const name = `«${change.device.name}»`;
    if (sub === 'assign') {
      if (change.changed.length > 0)
        out(`Rutas asignadas a ${name}: ${change.changed.join(', ')}. El portátil las descarga al conectarse.`);
      if (change.unchanged.length > 0) out(`Ya estaban asignadas: ${change.unchanged.join(', ')}.`);
    } else {
      if (change.changed.length > 0)
        out(
          `Rutas retiradas de ${name}: ${change.changed.join(', ')}. El portátil borra sus datos al conectarse; los pagos ya tomados se conservan y se envían.`,
        );
      if (change.unchanged.length > 0) out(`No estaban asignadas: ${change.unchanged.join(', ')}.`);
    }
  });
}

function printRoutes(devices: FieldDeviceRoutesValue[], out: Print): void {
  if (devices.length === 0) {
    out('No hay equipos de campo activos.');
    return;
  }
  for (const d of devices) {
    out(`${d.name} (${d.id}), última conexión: ${d.lastSeenAt === null ? 'nunca' : formatDate(d.lastSeenAt)}`);
    if (d.routes.length === 0) out('  sin rutas: no guarda ningún suscriptor');
    for (const r of d.routes)
      out(`  ${r.code.padEnd(6)}  ${String(r.subscribers).padStart(7)} suscriptores  asignada por ${r.assignedBy}`);
  }
}

function printDevices(devices: Device[], out: Print): void {
  if (devices.length === 0) {
    out('No hay dispositivos inscritos. Cree un código con «npm run admin -- enrollment-code …».');
    return;
  }
  const rows = devices.map((d) => [
    d.id,
    d.name,
    d.mode,
    d.office ?? '—',
    d.scope ?? '—',
    d.revokedAt === null ? 'activo' : `revocado ${formatDate(d.revokedAt)}`,
    d.lastSeenAt === null ? 'nunca' : formatDate(d.lastSeenAt),
  ]);
  const header = ['ID', 'NOMBRE', 'MODO', 'SEDE', 'ALCANCE', 'ESTADO', 'ÚLTIMA CONEXIÓN'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  for (const row of [header, ...rows])
    out(
      row
        .map((cell, i) => cell.padEnd(widths[i] ?? 0))
        .join('  ')
        .trimEnd(),
    );
}

function formatDate(iso: string): string {
  const text = new Intl.DateTimeFormat('es-CO', {
    dateStyle: 'medium',
    timeStyle: 'short',
    timeZone: 'America/Bogota',
  }).format(new Date(iso));
  return `${text} (hora de Colombia)`;
}

// The script: the process's arguments, environment and streams. A refusal or a usage mistake ends
// the process at once (as before); otherwise it ends when its work is done, with the code.
if (isEntryPoint()) {
  void runAdmin({
    args: process.argv.slice(2),
    env: process.env,
    // Only `staff` reads it: touched on demand, as before.
    get stdin() {
      return process.stdin;
    },
    stdout: process.stdout,
    stderr: process.stderr,
  }).then((code) => {
    if (code === 1 || code === 2) process.exit(code);
    process.exitCode = code;
  });
}

/** Run as `tsx scripts/admin.ts`, not imported (a test calls runAdmin in-process). */
function isEntryPoint(): boolean {
  const script = process.argv[1];
  if (script === undefined) return false;
  try {
    return realpathSync(script) === realpathSync(fileURLToPath(import.meta.url));
  } catch {
    return false;
  }
}
