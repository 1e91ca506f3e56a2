import logoMarkUrl from '../../assets/logo-mark.svg';
import { formatBogotaDateTime } from '../../src-shared/domain/calendar-es';
import type { DeviceLockState } from '../../src-shared/api/ops/device-lock';
import { useAppInfo } from '../app-info/useAppInfo';
import { formatCount } from '../format/count';
import { SupervisorExport } from './SupervisorExport';
import './lock-screen.css';

/**
 * What a revoked device shows instead of everything else: what happened, what was done with
 * the data it held, what staff must do, and (on counters and field devices) the supervisor's
 * export of the money records the server never received. Large type for a kiosk seen from a
 * few steps away; no touch needed except for the export, which staff do with a keyboard.
 */
export function LockScreen({ state }: { readonly state: DeviceLockState }) {
  const { device, entity } = useAppInfo();
  return (
    <main className="lock-screen">
      <section className="lock-screen__card" role="alert" aria-labelledby="lock-title">
        <img className="lock-screen__logo" src={logoMarkUrl} alt="" />
        <h1 id="lock-title" className="lock-screen__title">
          Este dispositivo fue dado de baja en el servidor central
        </h1>
        <p className="lock-screen__lead">Por seguridad quedó bloqueado: no atiende trámites de ciudadanos ni cobros.</p>
        {state.personalDataWipedAt !== null && (
          <p className="lock-screen__fact">
            Los datos personales de los ciudadanos se borraron de este equipo el{' '}
            {formatBogotaDateTime(state.personalDataWipedAt)}.
          </p>
        )}
        <h2 className="lock-screen__heading">Qué hacer</h2>
        <ol className="lock-screen__steps">
          <li>Avise al área de sistemas de {entity.name}.</li>
          <li>No formatee ni reinstale el equipo mientras guarde registros sin enviar.</li>
          <li>Para volver a usarlo, un administrador lo inscribe de nuevo con un código de inscripción nuevo.</li>
        </ol>
        {state.canExport && <MoneyRecords state={state} />}
        <p className="lock-screen__device">
          Equipo: {device.name}
          {state.since !== null && ` · bloqueado desde el ${formatBogotaDateTime(state.since)}`}
        </p>
      </section>
    </main>
  );
}

function MoneyRecords({ state }: { readonly state: DeviceLockState }) {
  if (state.unsentEvents === 0) {
    return (
      <p className="lock-screen__fact">
        El servidor central recibió todos los registros de dinero de este equipo: no hay nada que exportar.
      </p>
    );
  }
  return (
    <section className="lock-screen__money" aria-labelledby="lock-money">
      <h2 id="lock-money" className="lock-screen__heading">
        Registros sin enviar
      </h2>
      <p>
        Este equipo guarda {formatCount(state.unsentMoneyEvents)}{' '}
        {state.unsentMoneyEvents === 1 ? 'registro' : 'registros'} de dinero que el servidor central no recibió (cobros,
        anulaciones, aperturas y cierres de caja)
        {state.unsentEvents > state.unsentMoneyEvents
          ? ` y ${formatCount(state.unsentEvents - state.unsentMoneyEvents)} más`
          : ''}
        . Siguen cifrados en el equipo y no se borran. Un supervisor puede exportarlos en un archivo para la oficina.
      </p>
      {state.lastExportAt !== null && (
        <p className="lock-screen__fact">Última exportación: {formatBogotaDateTime(state.lastExportAt)}.</p>
      )}
      <SupervisorExport />
    </section>
  );
}
