import type { LiquidationState } from '../../src-shared/wallet/liquidation';

/** A liquidación's state as the citizen reads it. */
export const liquidationStateLabel: Record<LiquidationState, string> = {
  pendiente: 'Pendiente de pago',
  pagada: 'Pagada',
  vencida: 'Vencida',
  anulada: 'Anulada',
};

/** What the citizen can do with a liquidación that can no longer be paid here. */
export const closedLiquidationAdvice: Record<Exclude<LiquidationState, 'pendiente'>, string> = {
  pagada: 'Esta liquidación ya está pagada: su valor se cargó a su saldo prepago.',
  vencida:
    'Esta liquidación venció sin pago. Si desea recargar, genere una nueva con «Recargar prepago». Si ya la pagó en un banco, el valor se cargará a su saldo cuando el banco lo reporte.',
  anulada: 'Esta liquidación fue anulada. Si desea recargar, genere una nueva con «Recargar prepago».',
};
