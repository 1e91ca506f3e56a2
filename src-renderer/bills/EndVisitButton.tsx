import { useEndSession } from '../session/useEndSession';
import { Button } from '../ui/Button';
import { Icon } from '../ui/Icon';

/**
 * "Terminar": the citizen is done. Ends the visit like the idle timeout does: every session
 * store is cleared (código interno, answers, access) and the kiosk returns to the start screen.
 */
export function EndVisitButton() {
  const endSession = useEndSession();
  return (
    <Button variant="secondary" onClick={() => endSession('user')}>
      <Icon name="home" className="button__icon" />
      Terminar
    </Button>
  );
}
