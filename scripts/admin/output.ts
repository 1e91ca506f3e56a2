import type { ImportOutcome } from '../../src-server/sync/event-import';
import { formatCop } from '../../src-shared/domain/money';
import type { BankFileSummary } from '../../src-server/wallet/bank-files/bank-file-summary';
import type { PendingLiquidation } from '../../src-server/wallet/bank-files/pending-liquidations';
import type { Device } from './admin-target';

// How each command's answer reads at the terminal: Spanish, for the person running it.

/** Writes one line of a command's answer to stdout. */
export type Print = (line: string) => void;

export function printImport(outcome: ImportOutcome, out: Print): void {
  out(
    `Eventos de «${outcome.deviceName}» (${outcome.deviceId}): ${outcome.applied} aplicados, ` +
      `${outcome.duplicate} ya estaban registrados, ${outcome.rejected.length} rechazados.`,
  );
  if (outcome.rejected.length === 0) return;
  out('\nRechazados (quedan en rejected_events para revisarlos en la oficina):');
  for (const r of outcome.rejected) out(`  ${r.id}  ${r.type}: ${r.reason}`);
}

export function printBankFile(summary: BankFileSummary, out: Print): void {
  const { file } = summary;
  if (summary.rejected !== null) {
    out(`Archivo «${file.name}» rechazado: ${summary.rejected.message}`);
    out('No se aplicó ningún pago. Pida al banco el archivo corregido e impórtelo de nuevo.');
    return;
  }
  const collected = file.collectedOn === null ? '' : `, recaudo del ${formatDay(file.collectedOn)}`;
  out(
    `Archivo «${file.name}» (banco ${file.bankCode ?? '—'}${collected}): ${summary.records} pagos por ${formatCop(file.totalAmount)}.`,
  );
  if (file.importedBefore !== null) {
    out(`Este archivo ya se importó el ${formatDate(file.importedBefore)}: no se aplicó nada de nuevo.`);
    return;
  }
  const lines: [string, number][] = [
    ['Aplicados a su liquidación', summary.applied],
    ['Ya importados antes (no se aplican de nuevo)', summary.duplicates],
    ['Referencia desconocida (para revisión)', summary.unknownReference],
    ['Valor distinto al de la liquidación (para revisión)', summary.amountMismatch],
  ];
  const width = Math.max(...lines.map(([label]) => label.length));
  for (const [label, count] of lines) out(`  ${`${label}:`.padEnd(width + 1)} ${count}`);
  if (summary.unknownReference + summary.amountMismatch > 0)
    out('Los pagos para revisión quedan en la consola del personal, con la línea del archivo del banco.');
}

export function printPending(pending: PendingLiquidation[], out: Print): void {
  if (pending.length === 0) {
    out('No hay liquidaciones pendientes de pago.');
    return;
  }
  const rows = pending.map((p) => [String(p.number), p.reference, formatCop(p.amount), p.dueDate]);
  const header = ['NÚMERO', 'REFERENCIA', 'VALOR', 'VENCE'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  for (const row of [header, ...rows])
    out(
      row
        .map((cell, i) => (i === 2 ? cell.padStart(widths[i] ?? 0) : cell.padEnd(widths[i] ?? 0)))
        .join('  ')
        .trimEnd(),
    );
  out(`\n${pending.length} pendientes por ${formatCop(pending.reduce((sum, p) => sum + p.amount, 0))}.`);
}

function formatDay(isoDay: string): string {
  return new Intl.DateTimeFormat('es-CO', { dateStyle: 'medium', timeZone: 'UTC' }).format(
    new Date(`${isoDay}T00:00:00Z`),
  );
}

export function printDevices(devices: Device[], out: Print): void {
  if (devices.length === 0) {
    out('No hay dispositivos inscritos. Cree un código con «npm run admin -- enrollment-code …».');
    return;
  }
  const rows = devices.map((d) => [
    d.id,
    d.name,
    d.mode,
    d.office ?? '—',
    d.scope ?? '—',
    d.revokedAt === null ? 'activo' : `revocado ${formatDate(d.revokedAt)}`,
    d.lastSeenAt === null ? 'nunca' : formatDate(d.lastSeenAt),
  ]);
  const header = ['ID', 'NOMBRE', 'MODO', 'SEDE', 'ALCANCE', 'ESTADO', 'ÚLTIMA CONEXIÓN'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  for (const row of [header, ...rows])
    out(
      row
        .map((cell, i) => cell.padEnd(widths[i] ?? 0))
        .join('  ')
        .trimEnd(),
    );
}

export function formatDate(iso: string): string {
  const text = new Intl.DateTimeFormat('es-CO', {
    dateStyle: 'medium',
    timeStyle: 'short',
    timeZone: 'America/Bogota',
  }).format(new Date(iso));
  return `${text} (hora de Colombia)`;
}
