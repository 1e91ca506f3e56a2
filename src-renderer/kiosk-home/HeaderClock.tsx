import { formatBogotaLongDate, formatBogotaTime } from '../../src-shared/domain/bogota-time';
import { useNow } from '../format/useNow';

/** Date and time in Bogotá, so a citizen can tell whether offices are still open. */
export function HeaderClock() {
  const now = useNow(10_000);
  return (
    <p className="kiosk-header__clock">
      <span className="kiosk-header__time">{formatBogotaTime(now)}</span>
      <span className="kiosk-header__date">{formatBogotaLongDate(now)}</span>
    </p>
  );
}
