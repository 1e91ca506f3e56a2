import { useCallback, useLayoutEffect, useRef, useState } from 'react';
import Keyboard from 'react-simple-keyboard';
import 'react-simple-keyboard/build/css/index.css';
import { applyKey } from './keyboard-edit';
import { spanishKeyLabels, spanishKeyNames, spanishLayout } from './spanish-layout';
import './on-screen-keyboard.css';

interface OnScreenKeyboardProps {
  /** The text of the field the keyboard is bound to (the one that last had focus). */
  readonly value: string;
  readonly onChange: (value: string) => void;
  readonly maxLength?: number;
  /** The group's accessible name. */
  readonly label?: string;
}

const buttonAttributes = Object.entries(spanishKeyNames).map(([button, name]) => ({
  attribute: 'aria-label',
  value: name,
  buttons: button,
}));
const buttonTheme = [
  { class: 'osk__command', buttons: '{bksp} {shift} {symbols} {abc}' },
  { class: 'osk__space', buttons: '{space}' },
];

/**
 * A Spanish on-screen keyboard (react-simple-keyboard) for kiosks without a physical one.
 * Controlled like an input: the caller binds it to whichever field has focus. Keys are real
 * buttons with names; pressing one does not take focus from the field. Mayús applies to the
 * next letter only, like a phone keyboard. Keep it outside any <form>: the library makes its
 * keys with document.createElement('button'), whose type is submit, and rebuilds them on
 * every layout change, so inside a form every key would submit it.
 */
export function OnScreenKeyboard({
  value,
  onChange,
  maxLength = 200,
  label = 'Teclado en pantalla',
}: OnScreenKeyboardProps) {
  const [shifted, setShifted] = useState(false);
  const [symbols, setSymbols] = useState(false);

  const handleKey = (button: string) => {
    if (button === '{shift}') {
      setShifted((current) => !current);
      return;
    }
    if (button === '{symbols}' || button === '{abc}') {
      setSymbols(button === '{symbols}');
      setShifted(false);
      return;
    }
    onChange(applyKey(value, button, maxLength));
    if (shifted && !button.startsWith('{')) setShifted(false);
  };
  // react-simple-keyboard rebuilds its options whenever a prop changes identity, so it gets
  // one stable handler that always calls the latest render's logic.
  const latestHandler = useRef(handleKey);
  useLayoutEffect(() => {
    latestHandler.current = handleKey;
  });
  const onKeyPress = useCallback((button: string) => latestHandler.current(button), []);

  return (
    <div className={`osk${shifted ? ' osk--shifted' : ''}`} role="group" aria-label={label}>
      <Keyboard
        layout={spanishLayout}
        layoutName={symbols ? 'symbols' : shifted ? 'shift' : 'default'}
        display={spanishKeyLabels}
        mergeDisplay
        theme="hg-theme-default osk__board"
        buttonTheme={buttonTheme}
        buttonAttributes={buttonAttributes}
        onKeyPress={onKeyPress}
        useButtonTag
        preventMouseDownDefault
        disableCaretPositioning
        disableButtonHold
      />
    </div>
  );
}
