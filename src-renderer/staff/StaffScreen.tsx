import { useAppInfo } from '../app-info/useAppInfo';
import { useRouteStore } from '../app/route-store';
import { BackHomeButton } from '../ui/BackHomeButton';
import { Button } from '../ui/Button';
import { Icon } from '../ui/Icon';
import { ScreenHeading } from '../ui/ScreenHeading';
import { SyncPanel } from '../sync-admin/SyncPanel';
import { deviceModeNames } from './device-mode-names';
import { KioskDiagnosticCard } from '../kiosk-lockdown/KioskDiagnosticCard';
import { KioskExitCard } from '../kiosk-lockdown/KioskExitCard';
import './staff-screen.css';

/**
 * "Acceso de personal", behind the hidden corner and a staff sign-in: leaving kiosk mode, the
 * touch screen test, sync, «Enviar diagnóstico».
 */
export function StaffScreen() {
  const { device, version } = useAppInfo();
  const navigate = useRouteStore((state) => state.navigate);

  return (
    <main className="staff">
      <div className="staff__head">
        <div>
          <ScreenHeading className="staff__title">Acceso de personal</ScreenHeading>
          <p className="staff__intro">Opciones para funcionarios e instaladores de la entidad.</p>
        </div>
        <BackHomeButton variant="secondary" />
      </div>
      <div className="staff__options">
        <KioskExitCard />
        <section className="staff__card" aria-labelledby="staff-touch">
          <h2 id="staff-touch">Prueba de pantalla táctil</h2>
          <p>Compruebe que la pantalla responde bien: escriba con el teclado numérico y con el teclado en pantalla.</p>
          <Button size="large" onClick={() => navigate({ screen: 'touch-test' })}>
            <Icon name="touch" className="button__icon" />
            Prueba de pantalla táctil
          </Button>
        </section>
        <SyncPanel />
        <KioskDiagnosticCard />
        <section className="staff__card" aria-labelledby="staff-device">
          <h2 id="staff-device">Este equipo</h2>
          <dl className="staff__device">
            <dt>Nombre</dt>
            <dd>{device.name}</dd>
            <dt>Modo</dt>
            <dd>{deviceModeNames[device.mode]}</dd>
            <dt>Inscripción</dt>
            <dd>{device.id === null ? 'Sin inscribir en el servidor central' : `Inscrito (${device.id})`}</dd>
            <dt>Versión</dt>
            <dd>{version}</dd>
          </dl>
        </section>
      </div>
    </main>
  );
}
