import logoMarkUrl from '../../assets/logo-mark.svg';
import logoUrl from '../../assets/logo.svg';
import { AccessibilityButton } from '../accessibility/AccessibilityButton';
import { useAppInfo } from '../app-info/useAppInfo';
import { displayNit } from '../format/display-nit';
import { HeaderClock } from './HeaderClock';
import './kiosk-header.css';

/** The entity that owns the kiosk, on every screen: logo, name, NIT and city, «Accesibilidad» and the time. */
export function KioskHeader() {
  const { entity } = useAppInfo();
  return (
    <header className="kiosk-header">
      {/* On a narrow panel (1024 px) the mark alone leaves room for the entity's name and «Accesibilidad». */}
      <picture className="kiosk-header__logo">
        <source media="(max-width: 1100px)" srcSet={logoMarkUrl} />
        <img src={logoUrl} alt="Ventanilla" width={330} height={96} />
      </picture>
      <div className="kiosk-header__entity">
        <p className="kiosk-header__name">{entity.name}</p>
        <p className="kiosk-header__meta">
          NIT {displayNit(entity.nit)} · {entity.city}
        </p>
      </div>
      <AccessibilityButton />
      <HeaderClock />
    </header>
  );
}
