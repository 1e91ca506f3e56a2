import logoUrl from '../../assets/logo.svg';
import { useAppInfo } from '../app-info/useAppInfo';
import { displayNit } from '../format/display-nit';
import { HeaderClock } from './HeaderClock';
import './kiosk-header.css';

/** The entity that owns the kiosk, on every screen: logo, name, NIT and city, and the time. */
export function KioskHeader() {
  const { entity } = useAppInfo();
  return (
    <header className="kiosk-header">
      <img className="kiosk-header__logo" src={logoUrl} alt="Ventanilla" width={330} height={96} />
      <div className="kiosk-header__entity">
        <p className="kiosk-header__name">{entity.name}</p>
        <p className="kiosk-header__meta">
          NIT {displayNit(entity.nit)} · {entity.city}
        </p>
      </div>
      <HeaderClock />
    </header>
  );
}
