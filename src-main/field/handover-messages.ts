/** The entrega de recaudo's Spanish (docs/field-mode.md). */
export const handoverMessages = {
  nothing: 'No tiene días de recaudo por entregar.',
  sending: (n: number): string =>
    `Enviando los pagos al servidor central: ${n === 1 ? 'falta 1 registro' : `faltan ${n} registros`}. No cierre el equipo.`,
  notEnrolled: 'Este equipo aún no está inscrito en el servidor central: la entrega se hace con el servidor.',
  offline:
    'El servidor central no responde. La entrega se hace en la oficina con todos los pagos enviados: revise la conexión y vuelva a intentarlo.',
  matches: 'Todos los pagos llegaron al servidor central y coinciden. El supervisor puede contar.',
  differs:
    'Hay diferencias con el servidor central (abajo). El supervisor puede recibir la entrega igual: quedan en el informe para la oficina.',
  parked: (n: number): string =>
    `${n === 1 ? '1 registro de dinero' : `${n} registros de dinero`} de estos días ${n === 1 ? 'fue rechazado' : 'fueron rechazados'} por el servidor central: la oficina debe revisarlos.`,
  unknownDay: (date: string): string => `Día ${date}: el servidor central no tiene la apertura de este día.`,
  closedDay: (date: string): string => `Día ${date}: el servidor central ya lo tiene cerrado o entregado.`,
  dayDiffers: (date: string, f: { here: string; there: string }): string =>
    `Día ${date}: este equipo tiene ${f.here}; el servidor central, ${f.there}.`,
  notReady: 'Antes de contar, todos los pagos deben estar enviados y revisados con el servidor central.',
  seeDifferences: 'Hay diferencias con el servidor central: revíselas y confirme que recibe la entrega igual.',
  supervisorOnly: 'La entrega la recibe un supervisor: escriba el usuario y la contraseña de un supervisor.',
  notYourself: 'Quien recibe la entrega debe ser un supervisor distinto de quien cobró.',
  notFound: 'Esa entrega de recaudo no está en este equipo.',
  flaggedNote: (receiptNumber: string, codigoInterno: number, reason: string): string =>
    `Recibo ${receiptNumber}, código ${codigoInterno}: el recaudador lo marcó para anular en la oficina («${reason}»).`,
} as const;
