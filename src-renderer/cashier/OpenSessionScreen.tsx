import { useState, type FormEvent } from 'react';
import { useCashierStore } from './cashier-store';
import { pesos, readPesos } from './cashier-format';
import { useCashierCall } from './useCashierCall';

/** "Abrir caja": the float (base) counted into the drawer. */
export function OpenSessionScreen() {
  const call = useCashierCall();
  const opened = useCashierStore((state) => state.opened);
  const [float, setFloat] = useState('');
  const [problem, setProblem] = useState<string | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const amount = readPesos(float);
    if (amount === null) return setProblem('Escriba la base en efectivo con la que abre la caja (puede ser 0).');
    const result = await call('cashier.openSession', { openingFloat: amount });
    if (!result.ok) return setProblem(result.error.message);
    opened(result.value);
  };

  const amount = readPesos(float);
  return (
    <form className="cashier-card" onSubmit={(event) => void submit(event)} aria-label="Abrir caja">
      <h1>Abrir caja</h1>
      <label>
        Base inicial en efectivo
        <input autoFocus inputMode="numeric" value={float} onChange={(e) => setFloat(e.target.value)} maxLength={14} />
      </label>
      {amount !== null && <p className="cashier-hint">Abrirá la caja con {pesos(amount)}.</p>}
      {problem !== null && (
        <p className="cashier-problem" role="alert">
          {problem}
        </p>
      )}
      <button type="submit" className="cashier-primary">
        Abrir caja (Enter)
      </button>
    </form>
  );
}
