import type { ServiceProblem } from '../../src-shared/kiosk/out-of-service';
import { Icon } from '../ui/Icon';
import { ScreenHeading } from '../ui/ScreenHeading';
import './out-of-service-screen.css';

/**
 * «Este punto no está disponible en este momento»: what a citizen sees instead of the start
 * screen while a device this kiosk needs is down (docs/kiosk-lockdown.md). Calm, in their words:
 * what is wrong, where to go now, and that the kiosk comes back by itself. Nothing to touch.
 */
export function OutOfServiceScreen({ problems }: { readonly problems: readonly ServiceProblem[] }) {
  return (
    <main className="out-of-service" aria-live="polite">
      <div className="out-of-service__card">
        <ScreenHeading className="out-of-service__title">Este punto no está disponible en este momento</ScreenHeading>
        <ul className="out-of-service__problems" aria-label="Qué pasa">
          {problems.map((problem) => (
            <li key={problem.device}>{problem.words}</li>
          ))}
        </ul>
        <div className="out-of-service__go">
          <Icon name="staff" className="out-of-service__icon" />
          <p>
            <strong>Acérquese a una ventanilla de atención.</strong> Allí le ayudan con su trámite.
          </p>
        </div>
        <p className="out-of-service__back">
          Este punto volverá a funcionar solo, apenas se solucione. Disculpe la molestia.
        </p>
      </div>
    </main>
  );
}
