import { useEndSession } from '../session/useEndSession';
import { Button } from './Button';
import { Icon } from './Icon';

/**
 * "Volver al inicio": ends the visit like the idle timeout does (every session store cleared),
 * recorded as ended by the user.
 */
export function BackHomeButton({ variant = 'primary' }: { readonly variant?: 'primary' | 'secondary' }) {
  const endSession = useEndSession();
  return (
    <Button variant={variant} size="large" onClick={() => endSession('user')}>
      <Icon name="home" className="button__icon" />
      Volver al inicio
    </Button>
  );
}
