import { Icon } from '../ui/Icon';
import type { Feature } from './feature-catalogue';
import './staff-access-button.css';

/** The discreet way in for staff: still a full touch target, but not competing with the tiles. */
export function StaffAccessButton({ feature, onOpen }: { readonly feature: Feature; readonly onOpen: () => void }) {
  return (
    <button type="button" className="staff-access" onClick={onOpen}>
      <Icon name={feature.icon} />
      {feature.title}
    </button>
  );
}
