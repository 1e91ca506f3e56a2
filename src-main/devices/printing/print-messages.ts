import type { PrinterCondition } from '../document-printer/document-printer';

/**
 * Every Spanish sentence the printing module puts in `print_jobs.last_error`, in one place so
 * the screens and the tests read the same words.
 */
export const printMessages = {
  interrupted: 'El trabajo se interrumpió y no se sabe si salió; revise la bandeja antes de reimprimirlo.',
  notSentBeforeClose: 'El trabajo no llegó a la impresora porque la aplicación se cerró; puede reimprimirlo.',
  unconfirmed: 'No se pudo confirmar si el documento se imprimió; revise la bandeja antes de reimprimirlo.',
  notConfigured: 'Este equipo no tiene una impresora de documentos configurada.',
  unsupportedPlatform: 'Este equipo todavía no puede enviar documentos a la impresora.',
  schedulerDown: 'El sistema de impresión del equipo no responde.',
  notAccepting: 'La impresora no está recibiendo trabajos; avise a un funcionario.',
  unsupportedContent: 'Este tipo de documento no se puede enviar a la impresora de documentos.',
  timedOut: 'La impresora no terminó el trabajo a tiempo y se canceló; puede reintentarlo.',
  internal: 'No se pudo imprimir por un error interno; puede reintentarlo.',
  notFoundJob: 'No existe ese trabajo de impresión.',
  retryOnlyFailed: 'Solo se puede reintentar un trabajo que falló.',
  resolveOnlyUnknown: 'Ese trabajo no está esperando que alguien revise la bandeja.',
  reprintOnlyFinished: 'Solo se puede reimprimir un trabajo terminado, fallido o sin confirmar.',
  emptyDocument: 'El documento a imprimir está vacío.',
} as const;

/**
 * Who stands at the printer: a citizen at a kiosk, who needs staff to fix it, or the staff
 * member at a counter, who fixes it.
 */
export type PrintReader = 'citizen' | 'staff';

/** What to do about a printer's condition, in the words of who reads it. */
const remedies: Record<'paused' | 'offline' | 'paper-end' | 'cover-open', Record<PrintReader, string>> = {
  paused: { citizen: 'avise a un funcionario', staff: 'reanúdela en el sistema de impresión' },
  offline: { citizen: 'avise a un funcionario', staff: 'revise su cable, su red y que esté encendida' },
  'paper-end': { citizen: 'avise a un funcionario', staff: 'cambie el rollo de papel' },
  'cover-open': { citizen: 'avise a un funcionario', staff: 'ciérrela' },
};

/** Why a printer cannot take a job now, or null when it can. */
export function conditionMessage(
  condition: PrinterCondition,
  printer: string | null,
  spokenName?: string,
  reader: PrintReader = 'citizen',
  /** The printer's own words for staff about being offline (DocumentPrinter.offlineRemedy). */
  offlineRemedy?: string,
): string | null {
  const name = spokenName ?? (printer === null ? 'La impresora' : `La impresora «${printer}»`);
  switch (condition) {
    case 'ready':
    case 'unknown':
      return null;
    case 'paused':
      return `${name} está en pausa; ${remedies.paused[reader]} y vuelva a intentarlo.`;
    case 'offline':
      return `${name} está desconectada; ${reader === 'staff' && offlineRemedy !== undefined ? offlineRemedy : remedies.offline[reader]} y vuelva a intentarlo.`;
    case 'paper-end':
      return `${name} no tiene papel; ${remedies['paper-end'][reader]} y vuelva a intentarlo.`;
    case 'cover-open':
      return `${name} tiene la tapa abierta; ${remedies['cover-open'][reader]} y vuelva a intentarlo.`;
    case 'not-found':
      return `${name} no existe en el sistema de impresión del equipo; revise la configuración.`;
    case 'not-configured':
      return printMessages.notConfigured;
  }
}
