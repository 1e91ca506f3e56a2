import { useId } from 'react';
import { Icon } from '../ui/Icon';
import type { Feature } from './feature-catalogue';
import './tile.css';

/**
 * One large touch tile. The button covers the whole card and holds only the icon and the
 * title, so its accessible name is the function's title as the guides name it (the text a
 * citizen sees on the button is its name: WCAG 2.5.3). The line under it and, for a function
 * not built yet, «Disponible próximamente» describe it; they lie over the button without
 * catching touches. A coming function looks muted (dashed edge, grey icon, the badge with a
 * clock) so nobody takes it for one that works; the difference goes away when the catalogue
 * marks it available.
 */
export function FeatureTile({ feature, onOpen }: { readonly feature: Feature; readonly onOpen: () => void }) {
  const detailsId = useId();
  const badgeId = useId();
  const comingSoon = feature.status === 'coming-soon';
  return (
    <div className={comingSoon ? 'tile tile--coming' : 'tile'} data-status={feature.status}>
      <button
        type="button"
        className="tile__button"
        aria-describedby={comingSoon ? `${detailsId} ${badgeId}` : detailsId}
        onClick={onOpen}
      >
        <span className="tile__icon">
          <Icon name={feature.icon} />
        </span>
        <span className="tile__title">{feature.title}</span>
      </button>
      <p id={detailsId} className="tile__description">
        {feature.description}
      </p>
      {comingSoon && (
        <p id={badgeId} className="tile__badge">
          <Icon name="clock" className="tile__badge-icon" />
          Disponible próximamente
        </p>
      )}
    </div>
  );
}
