import { useState } from 'react';
import { useApiClient } from '../api/useApiClient';
import { useAppInfo } from '../app-info/useAppInfo';
import { useRouteStore } from '../app/route-store';
import { formatBogotaMoment } from '../../src-shared/domain/bogota-time';
import { formatCount } from '../format/count';
import { useDeviceStatus } from '../status-strip/useDeviceStatus';
import { Button } from '../ui/Button';

const never = 'Todavía no';

/** The staff screen's sync card: what the strip shows, with details for support, and the actions. */
export function SyncPanel() {
  const client = useApiClient();
  const navigate = useRouteStore((state) => state.navigate);
  const view = useDeviceStatus(2000);
  const [asked, setAsked] = useState(false);
  // Parked records are resolved by a supervisor at a counter: a kiosk holds no staff accounts.
  const { device } = useAppInfo();
  const now = new Date();
  const moment = (iso: string | null): string => (iso === null ? never : formatBogotaMoment(new Date(iso), now));

  return (
    <section className="staff__card" aria-labelledby="staff-sync">
      <h2 id="staff-sync">Sincronización</h2>
      {view.state !== 'known' ? (
        <p role="status">{view.state === 'loading' ? 'Consultando…' : view.error.message}</p>
      ) : (
        <dl className="staff__device">
          <dt>Servidor central</dt>
          <dd>
            {view.status.server.state === 'online'
              ? 'Conectado'
              : view.status.server.state === 'offline'
                ? 'Sin conexión'
                : 'Sin inscribir'}
          </dd>
          <dt>Última descarga</dt>
          <dd>{moment(view.status.sync.lastPullAt)}</dd>
          <dt>Último envío</dt>
          <dd>{moment(view.status.sync.lastPushAt)}</dd>
          <dt>Pendientes de envío</dt>
          <dd>
            {formatCount(view.status.sync.pendingEvents)}
            {view.status.sync.oldestPendingAt === null
              ? ''
              : ` (el más antiguo: ${moment(view.status.sync.oldestPendingAt)})`}
          </dd>
          <dt>Detenidos</dt>
          <dd>{formatCount(view.status.sync.parkedEvents)}</dd>
          {view.status.sync.progress !== null && (
            <>
              <dt>Descarga inicial</dt>
              <dd>
                {view.status.sync.progress.percent} % ({formatCount(view.status.sync.progress.rowsDone)} de{' '}
                {formatCount(view.status.sync.progress.rowsTotal)})
              </dd>
            </>
          )}
          <dt>Reloj</dt>
          <dd>
            {view.status.sync.clockOffsetSeconds === null
              ? 'Sin medir'
              : Math.abs(view.status.sync.clockOffsetSeconds) <= 2
                ? 'En hora con el servidor'
                : `${Math.abs(view.status.sync.clockOffsetSeconds)} s ${view.status.sync.clockOffsetSeconds > 0 ? 'atrasado' : 'adelantado'}`}
          </dd>
          {view.status.sync.lastError !== null && (
            <>
              <dt>Último error</dt>
              <dd className="staff__error">{view.status.sync.lastError}</dd>
            </>
          )}
        </dl>
      )}
      <div className="staff__actions">
        <Button
          onClick={() => {
            setAsked(true);
            void client.call('sync.now', {});
          }}
        >
          Sincronizar ahora
        </Button>
        {device.mode !== 'kiosk' && (
          <Button variant="secondary" onClick={() => navigate({ screen: 'parked-events' })}>
            Registros detenidos
          </Button>
        )}
      </div>
      {asked && <p role="status">Sincronización solicitada.</p>}
    </section>
  );
}
