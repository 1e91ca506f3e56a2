import { useEffect, useId, useRef } from 'react';
import { Button } from '../ui/Button';
import { useIdleStore } from './idle-store';
import './idle-warning-dialog.css';

/**
 * "¿Sigue ahí?": a modal with the seconds left before the kiosk clears the visit. Only the
 * big button answers it; a stray touch elsewhere must not fall through to the screen below.
 */
export function IdleWarningDialog() {
  const phase = useIdleStore((state) => state.phase);
  const secondsLeft = useIdleStore((state) => state.secondsLeft);
  const dialogRef = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const textId = useId();
  const open = phase === 'warning';
  const seconds = secondsLeft ?? 0;
  const unit = seconds === 1 ? 'segundo' : 'segundos';

  useEffect(() => {
    const dialog = dialogRef.current;
    if (dialog === null) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);

  const keepGoing = () => useIdleStore.getState().continueSession(Date.now());

  return (
    <dialog
      ref={dialogRef}
      className="idle-dialog"
      aria-labelledby={titleId}
      aria-describedby={textId}
      onCancel={(event) => {
        // Escape on a keyboard means "I am here".
        event.preventDefault();
        keepGoing();
      }}
    >
      {open && (
        <div className="idle-dialog__body">
          <h2 id={titleId} className="idle-dialog__title">
            ¿Sigue ahí?
          </h2>
          <div
            className="idle-dialog__countdown"
            role="timer"
            aria-label={seconds === 1 ? 'Queda 1 segundo' : `Quedan ${seconds} segundos`}
          >
            <span className="idle-dialog__seconds" aria-hidden="true">
              {seconds}
            </span>
            <span className="idle-dialog__unit" aria-hidden="true">
              {unit}
            </span>
          </div>
          <p id={textId} className="idle-dialog__text">
            Por su seguridad, la pantalla volverá al inicio y se borrarán los datos que ingresó.
          </p>
          <Button size="large" autoFocus onClick={keepGoing}>
            Sí, continuar
          </Button>
        </div>
      )}
    </dialog>
  );
}
