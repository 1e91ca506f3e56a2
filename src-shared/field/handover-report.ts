import { formatBogotaDateTime, formatDateEs } from '../domain/calendar-es';
import { formatCop } from '../domain/money';
import { formatNit } from '../domain/nit';
import { copyMark, type ReceiptLine, type ReceiptModel } from '../receipts/receipt-model';
import type { HandoverView } from '../api/ops/field-handover';

export interface HandoverReportFacts {
  readonly entity: { readonly name: string; readonly nit: string };
  readonly deviceName: string;
  /** The collector's and the supervisor's full names. */
  readonly collectorName: string;
  readonly supervisorName: string;
  readonly handover: HandoverView;
  readonly copy: boolean;
}

/**
 * The entrega de recaudo's report (docs/field-mode.md), Z-like: each day with its payments and
 * totals by tender, then the supervisor's count against what the records expect, the
 * difference, the notes (saldo a favor the server made, differences with its figures) and two
 * signatures. Printed on the laptop's 58 mm printer and, the same lines, as a PDF.
 */
export function handoverReport(facts: HandoverReportFacts): ReceiptModel {
  const h = facts.handover;
  const lines: ReceiptLine[] = [
    { kind: 'text', text: facts.entity.name, align: 'center', bold: true },
    { kind: 'text', text: `NIT ${formatNit(facts.entity.nit)}`, align: 'center' },
    { kind: 'rule' },
    { kind: 'text', text: 'ENTREGA DE RECAUDO', align: 'center', bold: true, large: true },
  ];
  if (facts.copy) lines.push({ kind: 'text', text: copyMark, align: 'center', bold: true });
  lines.push(
    { kind: 'pair', left: 'Equipo', right: facts.deviceName },
    { kind: 'pair', left: 'Recaudador', right: facts.collectorName },
    { kind: 'pair', left: 'Recibió', right: facts.supervisorName },
    { kind: 'pair', left: 'Entrega', right: formatBogotaDateTime(h.handedAt) },
    { kind: 'text', text: `N.° ${h.id}` },
    { kind: 'rule' },
  );
  for (const day of h.days) {
    lines.push(
      { kind: 'text', text: `Día ${formatDateEs(day.date)}`, bold: true },
      { kind: 'pair', left: 'Pagos', right: String(day.payments) },
      { kind: 'pair', left: 'Efectivo', right: formatCop(day.cash) },
      { kind: 'pair', left: 'Transferencias', right: formatCop(day.transfer) },
    );
  }
  lines.push(
    { kind: 'rule' },
    { kind: 'pair', left: 'Pagos en total', right: String(h.days.reduce((sum, d) => sum + d.payments, 0)) },
    { kind: 'pair', left: 'Efectivo esperado', right: formatCop(h.expectedCash) },
    { kind: 'pair', left: 'Efectivo contado', right: formatCop(h.countedCash) },
    { kind: 'pair', left: 'Transf. esperadas', right: formatCop(h.expectedTransfer) },
    { kind: 'pair', left: 'Transf. verificadas', right: formatCop(h.countedTransfer) },
    { kind: 'pair', left: 'DIFERENCIA', right: formatCop(h.difference), bold: true },
  );
  if (h.difference !== 0)
    lines.push({
      kind: 'text',
      text: h.difference < 0 ? 'Falta dinero frente a los registros.' : 'Sobra dinero frente a los registros.',
    });
  if (h.notes.length > 0) {
    lines.push({ kind: 'rule' }, { kind: 'text', text: 'Para la oficina', bold: true });
    for (const note of h.notes) lines.push({ kind: 'text', text: `- ${note}` });
  }
  lines.push(
    { kind: 'feed', lines: 2 },
    { kind: 'text', text: 'Firma recaudador: ______________' },
    { kind: 'feed', lines: 1 },
    { kind: 'text', text: 'Firma supervisor: ______________' },
  );
  return { lines, cut: true, openDrawer: false };
}
