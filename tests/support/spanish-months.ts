/**
 * Month names as the kiosk writes them, typed out here so the tests read the screens with an
 * oracle of their own instead of the code under test (src-shared/domain/calendar-es.ts).
 */
export const spanishMonths = [
  'enero',
  'febrero',
  'marzo',
  'abril',
  'mayo',
  'junio',
  'julio',
  'agosto',
  'septiembre',
  'octubre',
  'noviembre',
  'diciembre',
] as const;
