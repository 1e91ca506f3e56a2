import { useMemo, useRef, useState, type FormEvent } from 'react';
import type { OpOutput } from '../../src-shared/api/contract';
import { cashPieceLabel, cashPieces, countedCash, type CashCount } from '../../src-shared/cashier/denominations';
import { SupervisorFields } from '../staff/SupervisorFields';
import { useCashierStore } from './cashier-store';
import { pesos, readPesos } from './cashier-format';
import { useCashierCall } from './useCashierCall';
import { useFunctionKeys } from './useFunctionKeys';

type Closing = OpOutput<'cashier.closeSession'>;

/**
 * Blind close (arqueo): the cashier types the pieces of each bill and coin and the card and
 * check totals before seeing what was expected. A difference beyond the tolerance asks for a
 * supervisor. The Z report prints when the session closes.
 */
export function CloseScreen() {
  const call = useCashierCall();
  const show = useCashierStore((state) => state.show);
  const signedOut = useCashierStore((state) => state.signedOut);
  const [pieces, setPieces] = useState<Record<string, string>>({});
  const [card, setCard] = useState('');
  const [check, setCheck] = useState('');
  const [supervisor, setSupervisor] = useState({ username: '', password: '' });
  const [answer, setAnswer] = useState<Closing | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [pdf, setPdf] = useState<{ text: string; problem: boolean } | null>(null);
  const finish = useRef<HTMLButtonElement>(null);

  const savePdf = async (sessionId: string) => {
    const result = await call('cashier.sessionReportPdf', { sessionId });
    // Back to «Terminar» either way: an Enter after saving ends the shift, it does not save again.
    finish.current?.focus();
    if (!result.ok) return setPdf({ text: result.error.message, problem: true });
    // The counter is a staff machine: the Z report is saved as a file (a kiosk never saves one).
    const link = document.createElement('a');
    link.href = URL.createObjectURL(new Blob([new Uint8Array(result.value.bytes)], { type: result.value.contentType }));
    link.download = result.value.fileName;
    link.click();
    window.setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
    setPdf({ text: `Informe Z guardado como ${result.value.fileName}.`, problem: false });
  };

  const count: CashCount = Object.fromEntries(
    Object.entries(pieces).flatMap(([d, text]) => {
      const n = readPesos(text);
      return n === null || n === 0 ? [] : [[d, n]];
    }),
  );

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const needs = answer?.needsSupervisor === true;
    const result = await call('cashier.closeSession', {
      cash: count,
      card: readPesos(card) ?? 0,
      check: readPesos(check) ?? 0,
      ...(needs ? { supervisor } : {}),
    });
    setSupervisor({ username: supervisor.username, password: '' });
    if (!result.ok) return setProblem(result.error.message);
    setProblem(null);
    setAnswer(result.value);
  };

  const keys = useMemo(
    () => ({ Escape: () => (answer?.closed ? signedOut() : show('counter')) }),
    [answer, show, signedOut],
  );
  useFunctionKeys(keys);

  if (answer?.closed) {
    return (
      <section className="cashier-card" aria-label="Caja cerrada">
        <h1>Caja cerrada</h1>
        <Figures answer={answer} />
        <p role="status">{answer.printerProblem ?? 'Informe Z enviado a la impresora.'}</p>
        <button ref={finish} type="button" className="cashier-primary" autoFocus onClick={signedOut}>
          Terminar (Enter)
        </button>
        <button type="button" className="cashier-secondary" onClick={() => void savePdf(answer.sessionId)}>
          Guardar el informe Z en PDF
        </button>
        {pdf !== null && (
          <p className={pdf.problem ? 'cashier-problem' : undefined} role={pdf.problem ? 'alert' : 'status'}>
            {pdf.text}
          </p>
        )}
      </section>
    );
  }

  return (
    <form className="cashier-card cashier-close" onSubmit={(event) => void submit(event)} aria-label="Cierre de caja">
      <h1>Cierre de caja (arqueo)</h1>
      <p className="cashier-hint">
        Cuente el efectivo por denominación. El valor esperado se muestra después del conteo. Esc: volver.
      </p>
      <div className="cashier-denominations">
        {cashPieces.map((piece, i) => (
          <label key={piece.key}>
            {cashPieceLabel(piece)}
            <input
              autoFocus={i === 0}
              inputMode="numeric"
              value={pieces[piece.key] ?? ''}
              onChange={(e) => setPieces({ ...pieces, [piece.key]: e.target.value })}
              maxLength={6}
              disabled={answer !== null}
            />
          </label>
        ))}
      </div>
      <p>Efectivo contado: {pesos(countedCash(count))}</p>
      <label>
        Total de vouchers de tarjeta
        <input
          inputMode="numeric"
          value={card}
          onChange={(e) => setCard(e.target.value)}
          maxLength={14}
          disabled={answer !== null}
        />
      </label>
      <label>
        Total de cheques
        <input
          inputMode="numeric"
          value={check}
          onChange={(e) => setCheck(e.target.value)}
          maxLength={14}
          disabled={answer !== null}
        />
      </label>
      {answer !== null && <Figures answer={answer} />}
      {answer?.needsSupervisor === true && (
        <fieldset>
          <legend>La diferencia supera la tolerancia: aprobación del supervisor</legend>
          <SupervisorFields value={supervisor} onChange={setSupervisor} autoFocus />
        </fieldset>
      )}
      {problem !== null && (
        <p className="cashier-problem" role="alert">
          {problem}
        </p>
      )}
      <button type="submit" className="cashier-primary">
        {answer?.needsSupervisor === true ? 'Aprobar y cerrar (Enter)' : 'Cerrar caja (Enter)'}
      </button>
    </form>
  );
}

function Figures({ answer }: { readonly answer: Closing }) {
  const f = answer.figures;
  return (
    <table className="cashier-table" aria-label="Arqueo">
      <thead>
        <tr>
          {/* Named for screen readers: the column of the rows' names (efectivo, tarjeta…). */}
          <th>
            <span className="visually-hidden">Concepto</span>
          </th>
          <th className="num">Esperado</th>
          <th className="num">Contado</th>
        </tr>
      </thead>
      <tbody>
        <tr>
          <td>Efectivo</td>
          <td className="num">{pesos(f.expectedCash)}</td>
          <td className="num">{pesos(f.countedCash)}</td>
        </tr>
        <tr>
          <td>Tarjeta</td>
          <td className="num">{pesos(f.expectedCard)}</td>
          <td className="num">{pesos(f.countedCard)}</td>
        </tr>
        <tr>
          <td>Cheques</td>
          <td className="num">{pesos(f.expectedCheck)}</td>
          <td className="num">{pesos(f.countedCheck)}</td>
        </tr>
        <tr>
          <td>
            <strong>Diferencia</strong>
          </td>
          <td />
          <td className="num">
            <strong>{pesos(f.difference)}</strong>
          </td>
        </tr>
      </tbody>
    </table>
  );
}
