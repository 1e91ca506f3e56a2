import { useState, type FormEvent } from 'react';
import type { HandoverView } from '../../src-shared/api/ops/field-handover';
import { cashPieceLabel, cashPieces, countedCash, type CashCount } from '../../src-shared/cashier/denominations';
import { formatCop } from '../../src-shared/domain/money';
import { SupervisorFields } from '../staff/SupervisorFields';
import { useFieldCall } from './useFieldCall';
import { useFieldStore } from './field-store';

const digitsOnly = (text: string): number | null => {
  const clean = text.replace(/[\s.$]/g, '');
  return /^\d{1,10}$/.test(clean) ? Number(clean) : null;
};

/**
 * The supervisor's blind count: pieces of each bill and coin, the transfers checked against the
 * bank, their user and password. What the records expect is shown only in the answer.
 */
export function HandoverCount(props: {
  readonly differences: boolean;
  readonly onDone: (done: { handover: HandoverView; printerProblem: string | null }) => void;
  readonly onStale: () => void;
}) {
  const call = useFieldCall();
  const changed = useFieldStore((state) => state.changed);
  const [pieces, setPieces] = useState<Record<string, string>>({});
  const [transfer, setTransfer] = useState('');
  const [supervisor, setSupervisor] = useState({ username: '', password: '' });
  const [seen, setSeen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  const count: CashCount = Object.fromEntries(
    Object.entries(pieces).flatMap(([key, text]) => {
      const n = digitsOnly(text);
      return n === null || n === 0 ? [] : [[key, n]];
    }),
  );
  const badPiece = Object.values(pieces).some((text) => text.trim() !== '' && digitsOnly(text) === null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const transferValue = transfer.trim() === '' ? 0 : digitsOnly(transfer);
    if (badPiece) return setProblem('Escriba cuántos billetes o monedas hay de cada uno, solo con números.');
    if (transferValue === null) return setProblem('Escriba el total de transferencias verificadas, solo con números.');
    setBusy(true);
    const result = await call('field.handOver', {
      cash: count,
      transfer: transferValue,
      supervisor,
      ...(seen ? { differencesSeen: true as const } : {}),
    });
    setBusy(false);
    setSupervisor({ username: supervisor.username, password: '' });
    if (!result.ok) {
      setProblem(result.error.message);
      // Something changed since the check (a payment arrived, the server went away): check again.
      if (result.error.code === 'conflict') props.onStale();
      return;
    }
    changed();
    props.onDone({ handover: result.value.handover, printerProblem: result.value.printerProblem });
  };

  return (
    <form className="field-handover" onSubmit={(event) => void submit(event)} aria-label="Conteo del supervisor">
      <h2>Conteo del supervisor</h2>
      <p>El supervisor cuenta el dinero que entrega el recaudador. Lo esperado se muestra después del conteo.</p>
      <fieldset className="field-pieces">
        <legend>Efectivo por denominación</legend>
        {cashPieces.map((piece) => (
          <label key={piece.key}>
            {cashPieceLabel(piece)}
            <input
              inputMode="numeric"
              value={pieces[piece.key] ?? ''}
              onChange={(e) => setPieces({ ...pieces, [piece.key]: e.target.value })}
              maxLength={6}
            />
          </label>
        ))}
      </fieldset>
      <p className="field-note">Efectivo contado: {formatCop(countedCash(count))}</p>
      <label>
        Transferencias verificadas en el banco (total)
        <input inputMode="numeric" value={transfer} onChange={(e) => setTransfer(e.target.value)} maxLength={14} />
      </label>
      <fieldset className="field-pieces">
        <legend>Supervisor que recibe</legend>
        <SupervisorFields value={supervisor} onChange={setSupervisor} />
      </fieldset>
      {props.differences && (
        <label className="field-check">
          <input type="checkbox" checked={seen} onChange={(e) => setSeen(e.target.checked)} />
          Vi las diferencias con el servidor central y recibo la entrega igual.
        </label>
      )}
      {problem !== null && (
        <p className="field-problem" role="alert">
          {problem}
        </p>
      )}
      <button type="submit" className="field-primary field-primary--big" disabled={busy}>
        {busy ? 'Registrando la entrega…' : 'Recibir la entrega'}
      </button>
    </form>
  );
}
