import { useState, type FormEvent } from 'react';
import type { FieldPaymentView } from '../../src-shared/api/ops/field';
import { SupervisorFields, type SupervisorCredentials } from '../staff/SupervisorFields';
import { useFieldCall } from './useFieldCall';

/**
 * «Anular con supervisor», inline under a payment (Electron has no window.prompt): the reason,
 * then the supervisor present types their user and password on the laptop. On a refusal the
 * message shows and the password is cleared; on success the caller reads the day again.
 */
export function VoidWithSupervisor({
  payment,
  onVoided,
  onCancel,
}: {
  readonly payment: FieldPaymentView;
  readonly onVoided: (message: string) => void;
  readonly onCancel: () => void;
}) {
  const call = useFieldCall();
  const [reason, setReason] = useState('');
  const [supervisor, setSupervisor] = useState<SupervisorCredentials>({ username: '', password: '' });
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    const result = await call('field.voidPayment', { paymentId: payment.id, reason, supervisor });
    setBusy(false);
    if (!result.ok) {
      setProblem(result.error.message);
      setSupervisor({ username: supervisor.username, password: '' });
      return;
    }
    onVoided(`Recibo ${payment.receiptNumber} anulado con la aprobación de ${supervisor.username.trim()}.`);
  };

  return (
    <form
      className="field-flag"
      aria-label={`Anular el recibo ${payment.receiptNumber} con supervisor`}
      onSubmit={(event) => void submit(event)}
    >
      <label>
        Motivo de la anulación
        <input autoFocus value={reason} onChange={(e) => setReason(e.target.value)} maxLength={200} />
      </label>
      <SupervisorFields value={supervisor} onChange={setSupervisor} />
      {problem !== null && (
        <p role="alert" className="field-warning">
          {problem}
        </p>
      )}
      <span className="field-actions">
        <button type="submit" className="field-primary" disabled={busy}>
          Confirmar anulación
        </button>
        <button type="button" className="field-secondary" onClick={onCancel}>
          Cancelar
        </button>
      </span>
    </form>
  );
}
