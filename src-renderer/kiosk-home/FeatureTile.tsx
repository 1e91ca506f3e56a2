import { useId } from 'react';
import { Icon } from '../ui/Icon';
import type { Feature } from './feature-catalogue';
import './tile.css';

/** One large touch tile. Its accessible name is the function's title, as the guides name it. */
export function FeatureTile({ feature, onOpen }: { readonly feature: Feature; readonly onOpen: () => void }) {
  const titleId = useId();
  const detailsId = useId();
  const comingSoon = feature.status === 'coming-soon';
  return (
    <button type="button" className="tile" aria-labelledby={titleId} aria-describedby={detailsId} onClick={onOpen}>
      <span className="tile__icon">
        <Icon name={feature.icon} />
      </span>
      <span className="tile__title" id={titleId}>
        {feature.title}
      </span>
      <span id={detailsId} className="tile__description">
        {feature.description}
        {comingSoon && <span className="visually-hidden">. Disponible próximamente.</span>}
      </span>
      {comingSoon && (
        <span className="tile__badge" aria-hidden="true">
          Disponible próximamente
        </span>
      )}
    </button>
  );
}
