import type { DeviceStatus, printerStates } from '../../src-shared/api/ops/status';
import { assertNever } from '../../src-shared/api/result';
import { formatBogotaMoment } from '../../src-shared/domain/bogota-time';
import { formatCount } from '../format/count';
import { formatDuration } from '../format/duration';

export type StatusTone = 'ok' | 'attention' | 'problem' | 'neutral';

export interface StatusLine {
  readonly key:
    'server' | 'sync' | 'progress' | 'pending' | 'parked' | 'clock' | 'printer' | 'dispenser' | 'subscribers';
  readonly text: string;
  readonly tone: StatusTone;
}

/**
 * Who reads the strip: a citizen at a kiosk, staff at a counter or a collector with the field
 * laptop (what still works offline differs).
 */
export type StatusAudience = 'citizen' | 'counter' | 'field';

const offlineWords: Record<StatusAudience, string> = {
  citizen: 'Sin conexión: puede consultar e imprimir facturas con los datos guardados',
  counter: 'Sin conexión: puede seguir cobrando; los pagos se envían cuando vuelva la conexión',
  field: 'Sin conexión: puede seguir cobrando con los datos guardados; los pagos se envían cuando vuelva la conexión',
};

/**
 * Lines the field laptop leaves out: its own bar (FieldStatusBar) already says the data's age
 * and the unsent payments in the collector's words («Datos del …», «3 pagos sin enviar»), and
 * two counts of the same thing in other words would read as two problems; the entity's
 * subscriber total means nothing on a route.
 */
const fieldOwnLines: ReadonlySet<StatusLine['key']> = new Set(['sync', 'pending', 'subscribers']);

function serverLine(state: DeviceStatus['server']['state'], audience: StatusAudience): StatusLine {
  switch (state) {
    case 'online':
      return { key: 'server', text: 'Conectado al servidor central', tone: 'ok' };
    case 'offline':
      return { key: 'server', text: offlineWords[audience], tone: 'attention' };
    case 'not-enrolled':
      return { key: 'server', text: 'Dispositivo sin inscribir', tone: 'attention' };
    default:
      return assertNever(state);
  }
}

function printerLine(state: (typeof printerStates)[number]): StatusLine {
  switch (state) {
    case 'ready':
      return { key: 'printer', text: 'Impresora lista', tone: 'ok' };
    case 'not-configured':
      return { key: 'printer', text: 'Sin impresora configurada', tone: 'neutral' };
    case 'offline':
      return { key: 'printer', text: 'Impresora desconectada', tone: 'problem' };
    case 'paper-end':
      return { key: 'printer', text: 'Impresora sin papel', tone: 'problem' };
    case 'cover-open':
      return { key: 'printer', text: 'Impresora con la tapa abierta', tone: 'problem' };
    case 'unknown':
      return { key: 'printer', text: 'Estado de la impresora desconocido', tone: 'attention' };
    default:
      return assertNever(state);
  }
}

function dispenserLine(dispenser: NonNullable<DeviceStatus['dispenser']>): StatusLine {
  switch (dispenser.state) {
    case 'ready':
      return dispenser.paperLow
        ? { key: 'dispenser', text: 'Dispensador de certificados: queda poco papel', tone: 'attention' }
        : { key: 'dispenser', text: 'Dispensador de certificados listo', tone: 'ok' };
    case 'paper-out':
      return { key: 'dispenser', text: 'Dispensador de certificados sin papel', tone: 'problem' };
    case 'jammed':
      return { key: 'dispenser', text: 'Dispensador de certificados atascado', tone: 'problem' };
    case 'offline':
      return { key: 'dispenser', text: 'Dispensador de certificados desconectado', tone: 'problem' };
    case 'unknown':
      return { key: 'dispenser', text: 'Estado del dispensador de certificados desconocido', tone: 'attention' };
    default:
      return assertNever(dispenser.state);
  }
}

/** Beyond this the device refuses money operations (src-main/sync/clock.ts). */
const clockToleranceSeconds = 5 * 60;

function syncLines(sync: DeviceStatus['sync'], now: Date): StatusLine[] {
  const lines: StatusLine[] = [];
  if (sync.progress !== null) {
    const { percent, rowsDone, rowsTotal, secondsLeft } = sync.progress;
    const left = secondsLeft === null ? '' : `, faltan unos ${formatDuration(secondsLeft * 1000)}`;
    lines.push({
      key: 'progress',
      text: `Descargando datos: ${percent} % (${formatCount(rowsDone)} de ${formatCount(rowsTotal)}${left})`,
      tone: 'attention',
    });
  } else {
    const parts: string[] = [];
    if (sync.lastPullAt !== null) parts.push(`datos ${formatBogotaMoment(new Date(sync.lastPullAt), now)}`);
    if (sync.lastPushAt !== null) parts.push(`envío ${formatBogotaMoment(new Date(sync.lastPushAt), now)}`);
    lines.push({
      key: 'sync',
      text: parts.length === 0 ? 'Aún no ha sincronizado' : `Sincronización: ${parts.join(' · ')}`,
      tone: sync.lastError === null ? 'neutral' : 'problem',
    });
  }
  const pending = sync.pendingEvents;
  if (pending > 0) {
    const count =
      pending === 1 ? '1 registro pendiente de envío' : `${formatCount(pending)} registros pendientes de envío`;
    const oldest = sync.oldestPendingAt === null ? null : now.getTime() - new Date(sync.oldestPendingAt).getTime();
    // A record that waited more than a few minutes means the link is down: say since when.
    const age = oldest !== null && oldest >= 5 * 60_000 ? ` (el más antiguo, de hace ${formatDuration(oldest)})` : '';
    lines.push({ key: 'pending', text: count + age, tone: age === '' ? 'neutral' : 'attention' });
  }
  if (sync.parkedEvents > 0) {
    const text =
      sync.parkedEvents === 1
        ? '1 registro detenido: avise a un supervisor'
        : `${formatCount(sync.parkedEvents)} registros detenidos: avise a un supervisor`;
    lines.push({ key: 'parked', text, tone: 'problem' });
  }
  if (sync.clockOffsetSeconds !== null && Math.abs(sync.clockOffsetSeconds) > clockToleranceSeconds) {
    lines.push({
      key: 'clock',
      text: 'La hora del equipo no coincide con la del servidor: avise a soporte',
      tone: 'problem',
    });
  }
  return lines;
}

/** The status strip's lines, in reading order, in words a citizen or an installer understands. */
export function statusLines(status: DeviceStatus, now: Date, audience: StatusAudience = 'citizen'): StatusLine[] {
  const lines: StatusLine[] = [
    serverLine(status.server.state, audience),
    ...syncLines(status.sync, now),
    printerLine(status.printer.state),
  ];
  if (status.dispenser !== undefined) lines.push(dispenserLine(status.dispenser));
  const subscribers = status.server.subscribers;
  if (subscribers !== null) {
    lines.push({
      key: 'subscribers',
      text: subscribers === 1 ? '1 suscriptor' : `${formatCount(subscribers)} suscriptores`,
      tone: 'neutral',
    });
  }
  return audience === 'field' ? lines.filter((line) => !fieldOwnLines.has(line.key)) : lines;
}
