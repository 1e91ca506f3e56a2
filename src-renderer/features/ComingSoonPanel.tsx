import type { Feature } from '../kiosk-home/feature-catalogue';
import { BackHomeButton } from '../ui/BackHomeButton';
import { Icon } from '../ui/Icon';
import { ScreenHeading } from '../ui/ScreenHeading';
import './coming-soon-panel.css';

/** What a tile of a function not built yet opens: it is coming, and what to do meanwhile. */
export function ComingSoonPanel({ feature }: { readonly feature: Feature }) {
  return (
    <main className="coming-soon">
      <section className="coming-soon__card" aria-labelledby="coming-soon-title">
        <div className="coming-soon__head">
          <span className="coming-soon__icon">
            <Icon name={feature.icon} />
          </span>
          <div>
            <ScreenHeading className="coming-soon__title">
              <span id="coming-soon-title">{feature.title}</span>
            </ScreenHeading>
            <span className="coming-soon__badge">Disponible próximamente</span>
          </div>
        </div>
        <p className="coming-soon__lead">
          Esta función todavía no está disponible en este punto de atención. Muy pronto podrá usarla aquí.
        </p>
        <div className="coming-soon__meanwhile">
          <h2>¿Qué puede hacer mientras tanto?</h2>
          <p>{feature.meanwhile}</p>
        </div>
        <div className="coming-soon__actions">
          <BackHomeButton />
        </div>
      </section>
    </main>
  );
}
