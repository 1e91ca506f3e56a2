import { OnScreenKeyboard } from '../touch-input/OnScreenKeyboard';
import { TouchField } from '../touch-input/TouchField';
import { useTouchTestStore } from './touch-test-store';

const maxLengths = { name: 80, email: 120 } as const;

/** Two fields and the Spanish keyboard, which types into whichever field was touched last. */
export function KeyboardCheck() {
  const name = useTouchTestStore((state) => state.name);
  const email = useTouchTestStore((state) => state.email);
  const activeField = useTouchTestStore((state) => state.activeField);
  const setText = useTouchTestStore((state) => state.setText);
  const activate = useTouchTestStore((state) => state.activate);

  return (
    <div className="touch-test__keyboard">
      <div className="touch-test__fields">
        <TouchField
          label="Nombre"
          value={name}
          onChange={(text) => setText('name', text)}
          active={activeField === 'name'}
          onActivate={() => activate('name')}
          maxLength={maxLengths.name}
        />
        <TouchField
          label="Correo electrónico"
          value={email}
          onChange={(text) => setText('email', text)}
          active={activeField === 'email'}
          onActivate={() => activate('email')}
          maxLength={maxLengths.email}
        />
      </div>
      <OnScreenKeyboard
        value={activeField === 'name' ? name : email}
        onChange={(text) => setText(activeField, text)}
        maxLength={maxLengths[activeField]}
      />
    </div>
  );
}
