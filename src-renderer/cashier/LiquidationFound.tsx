import type { CounterLiquidation } from '../../src-shared/api/ops/counter-recharge';
import { formatDateEs } from '../../src-shared/domain/calendar-es';
import { pesos } from './cashier-format';

const stateWords = { pendiente: 'Pendiente', pagada: 'Pagada', vencida: 'Vencida', anulada: 'Anulada' } as const;

/** The liquidación a recharge is for, as the server or the volante told it, with its warning under it. */
export function LiquidationFound({ found }: { readonly found: CounterLiquidation }) {
  return (
    <section className="cashier-card" aria-label="Liquidación">
      <h2>Liquidación Nº {found.number}</h2>
      {found.holder !== null && (
        <p>
          <strong>{found.holder.name}</strong> · {found.holder.identification}
        </p>
      )}
      <dl className="cashier-facts">
        <dt>Estado</dt>
        <dd>{found.state === null ? 'Sin consultar (sin conexión)' : stateWords[found.state]}</dd>
        <dt>Vence</dt>
        <dd>{found.expiresOn === null ? '—' : formatDateEs(found.expiresOn)}</dd>
        <dt>Valor</dt>
        <dd>{found.amount === null ? 'Digítelo del volante' : pesos(found.amount)}</dd>
      </dl>
      <p className={found.source === 'server' ? 'cashier-hint' : 'cashier-offline'} role="status">
        {found.note}
      </p>
      {found.warning !== null && (
        <p className="cashier-warning" role="alert">
          {found.warning.message}
        </p>
      )}
    </section>
  );
}
