import { NumericKeypad } from '../touch-input/NumericKeypad';
import { OnScreenKeyboard } from '../touch-input/OnScreenKeyboard';
import { TouchField } from '../touch-input/TouchField';
import { BackHomeButton } from '../ui/BackHomeButton';
import { ScreenHeading } from '../ui/ScreenHeading';
import { useTouchTestStore } from './touch-test-store';
import './touch-test-screen.css';

const maxDigits = 12;

/**
 * "Prueba de pantalla táctil": the installer checks that touches land where they should by
 * typing with the numeric keypad and the on-screen keyboard and seeing the text appear.
 */
export function TouchTestScreen() {
  const { digits, name, email, activeField, setDigits, setText, activate } = useTouchTestStore();
  const activeText = activeField === 'name' ? name : email;

  return (
    <main className="touch-test">
      <div className="touch-test__head">
        <div>
          <ScreenHeading className="touch-test__title">Prueba de pantalla táctil</ScreenHeading>
          <p className="touch-test__intro">Toque las teclas y compruebe que cada letra o número aparece en su casilla.</p>
        </div>
        <BackHomeButton variant="secondary" />
      </div>
      <div className="touch-test__panels">
        <section className="touch-test__panel" aria-labelledby="touch-test-keyboard">
          <h2 id="touch-test-keyboard">Teclado en pantalla</h2>
          <div className="touch-test__fields">
            <TouchField
              label="Nombre"
              hint="Pruebe la ñ y las tildes."
              value={name}
              onChange={(text) => setText('name', text)}
              active={activeField === 'name'}
              onActivate={() => activate('name')}
              maxLength={80}
            />
            <TouchField
              label="Correo electrónico"
              hint="Toque aquí para escribir en esta casilla."
              value={email}
              onChange={(text) => setText('email', text)}
              active={activeField === 'email'}
              onActivate={() => activate('email')}
              maxLength={120}
            />
          </div>
          <OnScreenKeyboard value={activeText} onChange={(text) => setText(activeField, text)} maxLength={activeField === 'name' ? 80 : 120} />
        </section>
        <section className="touch-test__panel" aria-labelledby="touch-test-keypad">
          <h2 id="touch-test-keypad">Teclado numérico</h2>
          <TouchField label="Código interno" kind="digits" value={digits} onChange={setDigits} active maxLength={maxDigits} />
          <NumericKeypad value={digits} onChange={setDigits} maxLength={maxDigits} />
        </section>
      </div>
    </main>
  );
}
