import { bogotaHour } from '../../src-shared/domain/bogota-time';

/** "Buenos días" until noon, "Buenas tardes" until 7 p.m., then "Buenas noches" (Bogotá time). */
export function greetingFor(now: Date): string {
  const hour = bogotaHour(now);
  if (hour < 12) return 'Buenos días';
  if (hour < 19) return 'Buenas tardes';
  return 'Buenas noches';
}
