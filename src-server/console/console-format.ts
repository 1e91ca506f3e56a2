import { formatBogotaTimestamp } from '../../src-shared/domain/bogota-time';
import { documentTypes, formatDocument, type DocumentType } from '../../src-shared/domain/identity-document';
import { formatCop } from '../../src-shared/domain/money';
import type { LiquidationState, ReviewKind } from '../../src-shared/wallet/liquidation';

/** How the console writes pesos, moments, identifications and the wallet's states. */
export const pesos = (amount: number): string => formatCop(amount);

export const when = (at: Date | string | null): string =>
  at === null ? '—' : `${formatBogotaTimestamp(new Date(at))}`;

export function identification(docType: string, docNumber: string): string {
  return (documentTypes as readonly string[]).includes(docType)
    ? formatDocument(docType as DocumentType, docNumber)
    : `${docType} ${docNumber}`;
}

export const stateLabel: Record<LiquidationState, string> = {
  pendiente: 'Pendiente',
  pagada: 'Pagada',
  vencida: 'Vencida',
  anulada: 'Anulada',
};

export const reviewKindLabel: Record<ReviewKind, string> = {
  'paid-after-expiry': 'Pagada después de vencer o anulada',
  'paid-twice': 'Pagada dos veces',
  'unknown-reference': 'Referencia desconocida',
  'amount-mismatch': 'Valor distinto al de la liquidación',
  'gateway-mismatch': 'Transacción en línea que no coincide',
};

export const resolutionLabel: Record<string, string> = {
  applied: 'Aplicado a una liquidación',
  returned: 'Devuelto al cliente',
  acknowledged: 'Revisado',
};

export const outcomeLabel: Record<string, string> = {
  paid: 'Pagó la liquidación',
  late: 'Llegó tarde (abonado)',
  extra: 'Pago adicional (abonado como saldo)',
  applied: 'Aplicado',
  'unknown-reference': 'Referencia desconocida',
  'amount-mismatch': 'Valor distinto',
};
