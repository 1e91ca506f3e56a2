import { Icon } from '../ui/Icon';
import { useAccessibilityStore } from './accessibility-store';
import './accessibility-button.css';

/** «Accesibilidad» in the header of every kiosk screen: opens the panel of aids. */
export function AccessibilityButton() {
  const openPanel = useAccessibilityStore((state) => state.openPanel);
  const anyOn = useAccessibilityStore((state) => state.highContrast || state.largerText || state.spokenGuidance);
  return (
    <button
      type="button"
      className={`a11y-button${anyOn ? ' a11y-button--on' : ''}`}
      aria-haspopup="dialog"
      onClick={openPanel}
    >
      <Icon name="accessibility" className="a11y-button__icon" />
      Accesibilidad
    </button>
  );
}
