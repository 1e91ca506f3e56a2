/**
 * The Spanish sentences the bills service answers with, in one place so screens and tests read
 * the same words. Times are Bogotá's whatever the kiosk's own zone (Colombia has no DST).
 */
import { formatUntilMoment } from '../../src-shared/domain/bogota-time';

export const billMessages = {
  unknownCode: (codigoInterno: number): string =>
    `No encontramos el código interno ${codigoInterno}. Revíselo en su factura e intente de nuevo.`,
  noBills: (codigoInterno: number): string =>
    `El código interno ${codigoInterno} no tiene facturas para consultar en este equipo. Acérquese a un punto de atención.`,
  noDeliveredBill: (codigoInterno: number): string =>
    `Las preguntas son sobre una factura que usted ya recibió, y la primera factura del código interno ${codigoInterno} todavía no ha llegado. ` +
    'Acérquese a un punto de atención.',
  noQuestions: (codigoInterno: number): string =>
    `En este momento no podemos hacer las preguntas de seguridad del código interno ${codigoInterno} en este equipo. ` +
    'Intente de nuevo en unos minutos o acérquese a un punto de atención.',
  locked: (codigoInterno: number, until: Date, now: Date): string =>
    `Por seguridad, el código interno ${codigoInterno} está bloqueado en este equipo hasta ${formatUntilMoment(until, now)} ` +
    '(hora de Colombia), porque las respuestas no coincidieron tres veces. Puede intentarlo después o pedir ayuda a un funcionario.',
  staleChallenge: 'Las preguntas ya no son válidas. Ingrese de nuevo el código interno para recibir preguntas nuevas.',
  accessEnded:
    'Su consulta terminó. Para ver las facturas, ingrese de nuevo el código interno y responda las preguntas.',
  /** Guide 000 §6, in its words. */
  noPreviousBills:
    'No encontramos facturas anteriores. Es recomendable realizar la consulta de las últimas 5 facturas, a partir del periodo actual.',
  billNotAvailable:
    'Esa factura no está entre las que se pueden consultar aquí: la factura actual, las que están sin pagar y las 5 anteriores al último pago.',
  noPrinter: 'No hay impresora configurada; puede ver y guardar el PDF.',
} as const;
