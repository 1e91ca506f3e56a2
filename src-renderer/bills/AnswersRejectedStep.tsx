import { Button } from '../ui/Button';
import { BillsFrame } from './BillsFrame';
import { useBillsStore } from './bills-store';
import { taskTitle, type BillsTask } from './bills-tasks';
import { StepBackButton } from './StepBackButton';
import { useValidationFlow } from './useValidationFlow';

const attemptsWords = (left: number): string => (left === 1 ? 'Le queda 1 intento' : `Le quedan ${left} intentos`);

/**
 * Answers that did not match: how many tries are left, never which answer was wrong. Trying
 * again asks the service for new questions.
 */
export function AnswersRejectedStep({ task }: { readonly task: BillsTask }) {
  const attemptsLeft = useBillsStore((state) => state.attemptsLeft) ?? 0;
  const busy = useBillsStore((state) => state.busy);
  const backToCode = useBillsStore((state) => state.backToCode);
  const { submitCode } = useValidationFlow();

  return (
    <BillsFrame
      eyebrow={`${taskTitle[task]} · Paso 2 de 2`}
      title="Las respuestas no coinciden"
      back={<StepBackButton label="Cambiar código" onPress={backToCode} />}
    >
      <section className="bills-card" aria-busy={busy}>
        <p className="bills-alert" role="alert">
          Las respuestas no coinciden con las facturas de este código interno. {attemptsWords(attemptsLeft)} antes de
          que el código se bloquee por 15 minutos en este punto de atención.
        </p>
        <p className="bills-lead">
          Por seguridad no indicamos cuál respuesta no coincide. Revise con calma su factura impresa; las preguntas del
          nuevo intento pueden ser otras.
        </p>
        <div className="bills-actions">
          <Button size="large" disabled={busy} onClick={() => void submitCode()}>
            {busy ? 'Preparando preguntas…' : 'Intentar de nuevo'}
          </Button>
        </div>
      </section>
    </BillsFrame>
  );
}
