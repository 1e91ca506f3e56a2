import { BackHomeButton } from '../ui/BackHomeButton';
import { ScreenHeading } from '../ui/ScreenHeading';
import { SegmentedChoice } from '../ui/SegmentedChoice';
import { KeyboardCheck } from './KeyboardCheck';
import { KeypadCheck } from './KeypadCheck';
import { useTouchTestStore, type TouchTestPanel } from './touch-test-store';
import './touch-test-screen.css';

const panels = [
  { value: 'keypad', label: 'Teclado numérico' },
  { value: 'keyboard', label: 'Teclado en pantalla' },
] as const satisfies readonly { value: TouchTestPanel; label: string }[];

/**
 * "Prueba de pantalla táctil": the installer checks that touches land where they should by
 * typing with the numeric keypad and the on-screen keyboard and seeing the text appear. One
 * at a time, each at the size citizens will get.
 */
export function TouchTestScreen() {
  const panel = useTouchTestStore((state) => state.panel);
  const showPanel = useTouchTestStore((state) => state.showPanel);

  return (
    <main className="touch-test">
      <div className="touch-test__head">
        <div>
          <ScreenHeading className="touch-test__title">Prueba de pantalla táctil</ScreenHeading>
          <p className="touch-test__intro">Cada tecla que toque debe aparecer en la casilla resaltada.</p>
        </div>
        <BackHomeButton variant="secondary" />
      </div>
      <SegmentedChoice label="Qué teclado probar" options={panels} value={panel} onChange={showPanel} />
      <section className="touch-test__panel" aria-label={panels.find((option) => option.value === panel)?.label}>
        {panel === 'keypad' ? <KeypadCheck /> : <KeyboardCheck />}
      </section>
    </main>
  );
}
