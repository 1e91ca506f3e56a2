import type { DeviceStatus, printerStates } from '../../src-shared/api/ops/status';
import { assertNever } from '../../src-shared/api/result';
import { formatBogotaMoment } from '../format/bogota-time';
import { formatCount } from '../format/count';

export type StatusTone = 'ok' | 'attention' | 'problem' | 'neutral';

export interface StatusLine {
  readonly key: 'server' | 'sync' | 'pending' | 'printer' | 'subscribers';
  readonly text: string;
  readonly tone: StatusTone;
}

function serverLine(state: DeviceStatus['server']['state']): StatusLine {
  switch (state) {
    case 'online':
      return { key: 'server', text: 'Conectado al servidor central', tone: 'ok' };
    case 'offline':
      return { key: 'server', text: 'Sin conexión: puede consultar e imprimir facturas con los datos guardados', tone: 'attention' };
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

function latest(...moments: (string | null)[]): Date | null {
  const times = moments.filter((moment): moment is string => moment !== null).map((moment) => new Date(moment).getTime());
  const valid = times.filter((time) => Number.isFinite(time));
  return valid.length === 0 ? null : new Date(Math.max(...valid));
}

/** The status strip's lines, in reading order, in words a citizen or an installer understands. */
export function statusLines(status: DeviceStatus, now: Date): StatusLine[] {
  const lines: StatusLine[] = [serverLine(status.server.state)];
  const lastSync = latest(status.sync.lastPullAt, status.sync.lastPushAt);
  lines.push({
    key: 'sync',
    text: lastSync === null ? 'Aún no ha sincronizado' : `Última sincronización: ${formatBogotaMoment(lastSync, now)}`,
    tone: 'neutral',
  });
  const pending = status.sync.pendingEvents;
  if (pending > 0) {
    const text = pending === 1 ? '1 registro pendiente de envío' : `${formatCount(pending)} registros pendientes de envío`;
    lines.push({ key: 'pending', text, tone: 'neutral' });
  }
  lines.push(printerLine(status.printer.state));
  const subscribers = status.server.subscribers;
  if (subscribers !== null) {
    lines.push({ key: 'subscribers', text: subscribers === 1 ? '1 suscriptor' : `${formatCount(subscribers)} suscriptores`, tone: 'neutral' });
  }
  return lines;
}
