import { formatBogotaTime } from '../../src-shared/domain/bogota-time';
import { formatBogotaDay } from './bill-words';

/**
 * "Datos actualizados al …": the kiosk answers from its own copy of the data, so the citizen
 * is told how fresh it is, and plainly when it has never been brought up to date.
 */
export function DataAsOf({ dataAsOf }: { readonly dataAsOf: string | null }) {
  if (dataAsOf === null) {
    return (
      <p className="bills-muted">
        Este punto de atención todavía no ha sincronizado sus datos con el servidor central: los pagos más recientes
        pueden no aparecer.
      </p>
    );
  }
  return (
    <p className="bills-muted">
      Datos actualizados al {formatBogotaDay(dataAsOf)} a las {formatBogotaTime(new Date(dataAsOf))}.
    </p>
  );
}
