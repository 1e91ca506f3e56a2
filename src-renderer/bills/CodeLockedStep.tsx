import { formatUntilMoment } from '../../src-shared/domain/bogota-time';
import { useNow } from '../format/useNow';
import { Button } from '../ui/Button';
import { Icon } from '../ui/Icon';
import { BillsFrame } from './BillsFrame';
import { useBillsStore } from './bills-store';
import { taskTitle, type BillsTask } from './bills-tasks';
import './code-locked.css';

/** `las 10:57`, or `el 22 de noviembre de 2025 a las 00:05` when the unlock is not today in Bogotá. */
const unlockMoment = (instant: string, now: Date): string => formatUntilMoment(new Date(instant), now);

/**
 * Three failed tries lock the código interno on this kiosk (the service persists the lock).
 * Says until when, in Bogotá time, and where to get the bill meanwhile.
 */
export function CodeLockedStep({ task }: { readonly task: BillsTask }) {
  const digits = useBillsStore((state) => state.digits);
  const lockedUntil = useBillsStore((state) => state.lockedUntil);
  const lockMessage = useBillsStore((state) => state.lockMessage);
  const startOver = useBillsStore((state) => state.startOver);
  const now = useNow(60_000);

  return (
    <BillsFrame eyebrow={taskTitle[task]} title="Código interno bloqueado por seguridad">
      <section className="code-locked bills-card">
        <span className="code-locked__icon">
          <Icon name="lock" />
        </span>
        <div className="code-locked__words">
          <p className="bills-alert" role="alert">
            {lockedUntil !== null
              ? `Después de tres intentos con respuestas que no coinciden, el código interno ${digits} quedó bloqueado en este punto de atención hasta ${unlockMoment(lockedUntil, now)} (hora de Colombia).`
              : (lockMessage ?? `El código interno ${digits} está bloqueado por seguridad en este punto de atención.`)}
          </p>
          <p className="bills-lead">
            Si necesita su factura ahora, pídala en la ventanilla de atención presentando su documento de identidad.
          </p>
          <div className="bills-actions">
            <Button size="large" onClick={startOver}>
              Consultar otro código interno
            </Button>
          </div>
        </div>
      </section>
    </BillsFrame>
  );
}
