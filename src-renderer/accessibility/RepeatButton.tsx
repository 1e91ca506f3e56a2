import { Button } from '../ui/Button';
import { Icon } from '../ui/Icon';
import { useAccessibilityStore } from './accessibility-store';
import { announce } from './spoken-guidance';

/** «Repetir»: reads `lines` again from the start. Shown only while spoken guidance is on. */
export function RepeatButton({ lines }: { readonly lines: readonly string[] }) {
  const on = useAccessibilityStore((state) => state.spokenGuidance);
  if (!on) return null;
  return (
    <Button variant="secondary" onClick={() => announce(lines, 'replace')}>
      <Icon name="speaker" className="button__icon" />
      Repetir
    </Button>
  );
}
