import { useCallback, useEffect } from 'react';
import type { ParkedEvent } from '../../src-shared/api/ops/sync';
import { useApiClient } from '../api/useApiClient';
import { useRouteStore } from '../app/route-store';
import { formatBogotaMoment } from '../../src-shared/domain/bogota-time';
import { StaffSignIn } from '../staff/StaffSignIn';
import { Button } from '../ui/Button';
import { Icon } from '../ui/Icon';
import { ScreenHeading } from '../ui/ScreenHeading';
import { useParkedStore } from './parked-store';
import { SendDiagnostic } from './SendDiagnostic';
import './parked-events.css';

/**
 * "Registros detenidos": the outbox events the central server refused (STYLE §10). A
 * supervisor signs in on this device and sends each again or discards it; both are
 * audit-logged on the device. Parked events never block the others, so nothing here is urgent
 * for the queue, only for the office.
 */
export function ParkedEventsScreen({ onBack }: { readonly onBack?: () => void } = {}) {
  const client = useApiClient();
  const navigate = useRouteStore((state) => state.navigate);
  const grant = useParkedStore((state) => state.grant);
  const events = useParkedStore((state) => state.events);
  const confirming = useParkedStore((state) => state.confirming);
  const notice = useParkedStore((state) => state.notice);
  const granted = useParkedStore((state) => state.granted);
  const listed = useParkedStore((state) => state.listed);
  const confirm = useParkedStore((state) => state.confirm);
  const resolved = useParkedStore((state) => state.resolved);
  const expired = useParkedStore((state) => state.expired);

  const load = useCallback(async () => {
    if (grant === null) return;
    const result = await client.call('sync.parked', { grantId: grant.grantId });
    if (result.ok) listed(result.value.events);
    else expired(result.error.message);
  }, [client, grant, listed, expired]);

  useEffect(() => {
    void load();
  }, [load]);

  const resolve = async (event: ParkedEvent, action: 'retry' | 'discard'): Promise<void> => {
    if (grant === null) return;
    const result = await client.call('sync.resolveParked', { grantId: grant.grantId, eventId: event.id, action });
    if (result.ok)
      resolved(event.id, {
        kind: 'info',
        text:
          action === 'retry' ? 'El registro volvió a la cola de envío.' : 'El registro se descartó y no se enviará.',
      });
    else if (result.error.code === 'session-ended') expired(result.error.message);
    else resolved(event.id, { kind: 'error', text: result.error.message });
  };

  return (
    <main className="parked">
      <div className="parked__head">
        <ScreenHeading className="parked__title">Registros detenidos</ScreenHeading>
        <Button variant="secondary" size="large" onClick={onBack ?? (() => navigate({ screen: 'staff' }))}>
          <Icon name="back" className="button__icon" />
          Volver
        </Button>
      </div>
      {notice !== null && (
        <p
          className={`parked__notice parked__notice--${notice.kind}`}
          role={notice.kind === 'error' ? 'alert' : 'status'}
        >
          {notice.text}
        </p>
      )}
      {grant === null ? (
        <StaffSignIn
          purpose="Para revisar los registros que el servidor central rechazó, ingrese con un usuario supervisor."
          onGranted={granted}
        />
      ) : events === null ? (
        <p role="status">Cargando…</p>
      ) : events.length === 0 ? (
        <p className="parked__empty">No hay registros detenidos en este equipo.</p>
      ) : (
        <ul className="parked__list" aria-label="Registros rechazados por el servidor central">
          {events.map((event) => (
            <li key={event.id} className="parked__item">
              <div>
                <p className="parked__summary">{event.summary}</p>
                <p className="parked__reason">Motivo: {event.reason ?? 'sin motivo registrado'}</p>
                <p className="parked__meta">
                  Registrado {formatBogotaMoment(new Date(event.createdAt), new Date())} · {event.attempts}{' '}
                  {event.attempts === 1 ? 'intento' : 'intentos'}
                </p>
              </div>
              {confirming === event.id ? (
                <div className="parked__actions" role="group" aria-label="Confirmar descarte">
                  <p>¿Descartar este registro? No se enviará nunca.</p>
                  <Button onClick={() => void resolve(event, 'discard')}>Sí, descartar</Button>
                  <Button variant="secondary" onClick={() => confirm(null)}>
                    No
                  </Button>
                </div>
              ) : (
                <div className="parked__actions">
                  <Button onClick={() => void resolve(event, 'retry')}>Reintentar envío</Button>
                  <Button variant="secondary" onClick={() => confirm(event.id)}>
                    Descartar
                  </Button>
                </div>
              )}
            </li>
          ))}
        </ul>
      )}
      {grant !== null && <SendDiagnostic grant={{ kind: 'supervisor', grantId: grant.grantId }} onExpired={expired} />}
    </main>
  );
}
