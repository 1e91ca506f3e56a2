import { useRouteStore } from '../app/route-store';
import { useNow } from '../format/useNow';
import { ScreenHeading } from '../ui/ScreenHeading';
import { citizenFeatures, type Feature } from './feature-catalogue';
import { FeatureTile } from './FeatureTile';
import { greetingFor } from './greeting';
import './start-screen.css';

/**
 * The kiosk's start screen: a greeting and one large tile per function the guides describe.
 * Nothing for staff: they come in by the hidden corner (docs/kiosk-lockdown.md).
 */
export function StartScreen() {
  const navigate = useRouteStore((state) => state.navigate);
  const now = useNow(60_000);
  const open = (feature: Feature) => navigate({ screen: 'feature', feature: feature.id });

  return (
    <main className="start">
      <div className="start__intro">
        <div className="start__words">
          <ScreenHeading className="start__greeting">{greetingFor(now)}</ScreenHeading>
          <p className="start__hint">¿Qué desea hacer hoy? Toque una opción.</p>
        </div>
      </div>
      <ul className="start__grid" aria-label="Servicios disponibles en este punto de atención">
        {citizenFeatures.map((feature) => (
          <li key={feature.id}>
            <FeatureTile feature={feature} onOpen={() => open(feature)} />
          </li>
        ))}
      </ul>
    </main>
  );
}
