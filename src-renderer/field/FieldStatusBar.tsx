import { useEffect, useState } from 'react';
import type { FieldStatus } from '../../src-shared/api/ops/field';
import { formatCop } from '../../src-shared/domain/money';
import { dataAgeLabel, outboxLine } from '../../src-shared/field/field-words';
import { useNow } from '../format/useNow';
import { useFieldCall } from './useFieldCall';
import { useFieldStore } from './field-store';

const pollMs = 15_000;

/**
 * Always under the header: who is collecting, how old the route's data are («Datos del 03/12/2026 06:10»), the
 * payments not yet sent and today's total. Read again after every payment and every 15 s.
 */
export function FieldStatusBar({ collector }: { readonly collector: string }) {
  const call = useFieldCall();
  const changes = useFieldStore((state) => state.changes);
  const now = useNow(pollMs);
  const [status, setStatus] = useState<FieldStatus | null>(null);
  useEffect(() => {
    let live = true;
    void call('field.status', {}).then((result) => {
      if (live && result.ok) setStatus(result.value);
    });
    return () => {
      live = false;
    };
  }, [call, changes, now]);
  if (status === null) return <div className="field-status" aria-label="Estado del recaudo" />;
  const unsent = status.outbox.pending > 0;
  return (
    <div className="field-status" role="status" aria-label="Estado del recaudo">
      <span className="field-status__item">{collector}</span>
      <span className="field-status__item field-status__data" data-field="data-age">
        {dataAgeLabel(status.lastPullAt)}
      </span>
      <span className={`field-status__item ${unsent ? 'field-status__unsent' : ''}`} data-field="outbox">
        {outboxLine(status.outbox.pending, status.outbox.oldestAt, now)}
      </span>
      {status.today !== null && (
        <span className="field-status__item" data-field="today">
          Hoy: {status.today.payments} {status.today.payments === 1 ? 'pago' : 'pagos'}, {formatCop(status.today.total)}
        </span>
      )}
    </div>
  );
}
