import { useEffect, useId, useRef } from 'react';
import { Button } from '../ui/Button';
import { AidSwitch } from './AidSwitch';
import { useAccessibilityStore, type AccessibilityAid } from './accessibility-store';
import { announce } from './spoken-guidance';
import { useVoiceAvailability, type VoiceAvailability } from './useVoiceAvailability';
import './accessibility-panel.css';

const voiceWords: Record<Exclude<VoiceAvailability, 'ready'>, string> = {
  checking: 'Buscando una voz en español en este equipo…',
  none: 'Este equipo no tiene una voz en español instalada, así que la guía hablada no se puede escuchar aquí. Si necesita ayuda para leer la pantalla, pídala al personal de la oficina.',
};

/**
 * The aids of the visit, each applied the moment it is touched: high contrast, larger text and
 * spoken guidance. A modal, so a touch beside it does nothing underneath; «Cerrar» (or Escape
 * on a keyboard) closes it. The aids stay until the visit ends.
 */
export function AccessibilityPanel() {
  const open = useAccessibilityStore((state) => state.panelOpen);
  const highContrast = useAccessibilityStore((state) => state.highContrast);
  const largerText = useAccessibilityStore((state) => state.largerText);
  const spokenGuidance = useAccessibilityStore((state) => state.spokenGuidance);
  const voice = useVoiceAvailability();
  const dialogRef = useRef<HTMLDialogElement>(null);
  const titleId = useId();

  useEffect(() => {
    const dialog = dialogRef.current;
    if (dialog === null) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);

  const { toggle, closePanel } = useAccessibilityStore.getState();
  const switchAid = (aid: AccessibilityAid) => {
    toggle(aid);
    if (aid === 'spokenGuidance' && !spokenGuidance) announce(['Guía hablada activada.']);
  };

  return (
    <dialog ref={dialogRef} className="a11y-panel" aria-labelledby={titleId} onClose={closePanel}>
      {open && (
        <div className="a11y-panel__body">
          <h2 id={titleId} className="a11y-panel__title">
            Accesibilidad
          </h2>
          <p className="a11y-panel__lead">
            Lo que active aquí vale mientras usa el kiosco y se quita solo al terminar.
          </p>
          <AidSwitch
            label="Alto contraste"
            hint="Letras claras sobre fondo negro, con bordes marcados."
            on={highContrast}
            onToggle={() => switchAid('highContrast')}
          />
          <AidSwitch
            label="Letra más grande"
            hint="Todo el texto de las pantallas, una cuarta parte más grande."
            on={largerText}
            onToggle={() => switchAid('largerText')}
          />
          <AidSwitch
            label="Guía hablada"
            hint="Lee en voz alta el título de cada pantalla, y las preguntas con sus opciones."
            on={spokenGuidance}
            disabled={voice === 'none' && !spokenGuidance}
            onToggle={() => switchAid('spokenGuidance')}
          >
            {voice !== 'ready' && (
              <p className={`a11y-panel__voice a11y-panel__voice--${voice}`} role="status">
                {voiceWords[voice]}
              </p>
            )}
          </AidSwitch>
          <Button size="large" onClick={closePanel}>
            Cerrar
          </Button>
        </div>
      )}
    </dialog>
  );
}
