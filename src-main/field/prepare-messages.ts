/** The Spanish of «Preparar salida» (field-prepare.ts). */
export const prepareMessages = {
  notPrepared: 'Prepare la salida antes de abrir el día: la descarga de sus rutas no terminó.',
  notEnrolled: 'Este equipo aún no está inscrito en el servidor central: no puede preparar la salida.',
  offline: 'No hay conexión con el servidor central: conéctese en la oficina y vuelva a «Preparar salida».',
  unfinished: 'La descarga de sus rutas no terminó a tiempo: revise la conexión y vuelva a «Preparar salida».',
  serverBusy: 'Los datos del servidor están cambiando en este momento: vuelva a «Preparar salida» en un minuto.',
  noRoutes: 'Este equipo no tiene rutas asignadas: pida a un supervisor que le asigne sus rutas.',
  mismatch: 'Los datos de este equipo no coinciden con el servidor: vuelva a descargar sus rutas.',
  ready: (routes: number): string =>
    `Salida preparada: ${routes === 1 ? 'su ruta coincide' : `sus ${routes} rutas coinciden`} con el servidor.`,
};
