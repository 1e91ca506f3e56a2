/**
 * Ticket numbers as citizens read and type them: `TK-2026-000123` — the year it was created and
 * that year's sequence, six digits (more when a year passes 999,999).
 */
export function formatTicketNumber(year: number, sequence: number): string {
  return `TK-${year}-${String(sequence).padStart(6, '0')}`;
}

/** Reads what a citizen typed (`tk 2026 123`, `TK-2026-000123`); null when it cannot be a number. */
export function readTicketNumber(typed: string): { year: number; sequence: number; text: string } | null {
  const match = /^\s*T\s*K[\s-]*(\d{4})[\s-]*(\d{1,9})\s*$/i.exec(typed);
  if (match === null) return null;
  const year = Number(match[1]);
  const sequence = Number(match[2]);
  if (year < 2000 || year > 2999 || sequence < 1) return null;
  return { year, sequence, text: formatTicketNumber(year, sequence) };
}
