/** Messages for failures between this screen and the Ventanilla service on the same machine. */
export const hostMessages = {
  unreachable:
    'No se pudo comunicar con el servicio de Ventanilla de este equipo. Intente de nuevo en un momento o avise al personal.',
  unexpected: 'La aplicación respondió algo inesperado. Intente de nuevo o avise al personal.',
  unauthorized:
    'Esta pantalla no tiene permiso para usar Ventanilla. Ábrala con la dirección que muestra la consola al iniciar.',
} as const;
