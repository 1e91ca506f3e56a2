import { useState } from 'react';
import { useApiClient } from '../api/useApiClient';
import { Button } from '../ui/Button';
import { useKioskStaffStore } from './kiosk-staff-store';

/**
 * Who came in by the hidden corner, and «Salir del modo quiosco» where the host can leave it
 * (Electron: the app closes to the operating system's session, audit-logged first). A browser in
 * kiosk mode is the operating system's to close: the card says so instead.
 */
export function KioskExitCard() {
  const client = useApiClient();
  const access = useKioskStaffStore((state) => state.access);
  const [problem, setProblem] = useState<string | null>(null);
  const [leaving, setLeaving] = useState(false);
  if (access === null) return null;

  const leave = async () => {
    setLeaving(true);
    const result = await client.call('kiosk.leaveKioskMode', { grantId: access.grantId });
    if (!result.ok) {
      setLeaving(false);
      setProblem(result.error.message);
    }
  };

  return (
    <section className="staff__card" aria-labelledby="staff-kiosk-exit">
      <h2 id="staff-kiosk-exit">Modo quiosco</h2>
      <p>
        Ingresó <strong>{access.fullName}</strong> ({access.username}). El ingreso quedó registrado en este equipo.
      </p>
      {access.canLeaveKiosk ? (
        <Button size="large" variant="secondary" onClick={() => void leave()} disabled={leaving}>
          {leaving ? 'Saliendo…' : 'Salir del modo quiosco'}
        </Button>
      ) : (
        <p>
          Este quiosco funciona en un navegador: para salir del modo quiosco, cierre la sesión del equipo según el
          manual de instalación.
        </p>
      )}
      {problem !== null && <p role="alert">{problem}</p>}
    </section>
  );
}
