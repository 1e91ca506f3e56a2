import type { ApiError } from '../../src-shared/api/result';
import { Button } from '../ui/Button';
import { useBillsStore } from './bills-store';

/**
 * A view of the code's data could not be loaded: the service's Spanish reason and a way on.
 * `session-ended` means the access itself ended (e.g. the kiosk restarted): asking again will
 * not help, so the way on is to enter the code again.
 */
export function QueryFailure({ error, onRetry }: { readonly error: ApiError; readonly onRetry: () => void }) {
  const startOver = useBillsStore((state) => state.startOver);
  const accessEnded = error.code === 'session-ended';
  return (
    <section className="bills-card">
      <p className="bills-alert" role="alert">
        {error.message}
      </p>
      <div className="bills-actions">
        <Button size="large" onClick={accessEnded ? startOver : onRetry}>
          {accessEnded ? 'Ingresar el código de nuevo' : 'Reintentar'}
        </Button>
      </div>
    </section>
  );
}
