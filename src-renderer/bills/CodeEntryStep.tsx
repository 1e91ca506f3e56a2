import { NumericKeypad } from '../touch-input/NumericKeypad';
import { TouchField } from '../touch-input/TouchField';
import { Button } from '../ui/Button';
import { BillsFrame } from './BillsFrame';
import { useBillsStore } from './bills-store';
import { taskPurpose, taskTitle, type BillsTask } from './bills-tasks';
import { maxCodigoInternoDigits } from './codigo-interno-entry';
import { useValidationFlow } from './useValidationFlow';
import './code-entry.css';

/**
 * Step 1 (guide: "digitar el código interno y seleccionar continuar"): the código interno on
 * the big numeric keypad. Letters cannot be typed; what is wrong is said in plain words.
 */
export function CodeEntryStep({ task }: { readonly task: BillsTask }) {
  const digits = useBillsStore((state) => state.digits);
  const message = useBillsStore((state) => state.codeMessage);
  const busy = useBillsStore((state) => state.busy);
  const setDigits = useBillsStore((state) => state.setDigits);
  const { submitCode } = useValidationFlow();
  const full = digits.length >= maxCodigoInternoDigits;

  return (
    <BillsFrame eyebrow={`${taskTitle[task]} · Paso 1 de 2`} title="Digite su código interno">
      {/* A form so Enter on a physical keyboard continues too; the keypad's keys are plain buttons. */}
      <form
        className="code-entry bills-card"
        aria-busy={busy}
        onSubmit={(event) => {
          event.preventDefault();
          void submitCode();
        }}
      >
        <div className="code-entry__words">
          <p className="bills-lead">{taskPurpose[task]}</p>
          <TouchField
            label="Código interno"
            hint="Es el número que aparece en su factura. Tóquelo en el teclado numérico."
            kind="digits"
            value={digits}
            onChange={setDigits}
            active
            maxLength={maxCodigoInternoDigits}
          />
          {message !== null && (
            <p className="bills-alert" role="alert">
              {message}
            </p>
          )}
          {message === null && full && (
            <p className="bills-muted" role="status">
              El código interno tiene como máximo {maxCodigoInternoDigits} números.
            </p>
          )}
          <p className="bills-note">
            Tenga a mano una factura impresa de este código: para proteger sus datos le haremos tres preguntas sobre
            ella.
          </p>
          <Button size="large" disabled={busy} onClick={() => void submitCode()}>
            {busy ? 'Buscando…' : 'Continuar'}
          </Button>
        </div>
        <NumericKeypad
          value={digits}
          onChange={setDigits}
          maxLength={maxCodigoInternoDigits}
          label="Teclado numérico"
        />
      </form>
    </BillsFrame>
  );
}
