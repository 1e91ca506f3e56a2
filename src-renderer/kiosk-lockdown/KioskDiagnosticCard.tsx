import { useState } from 'react';
import { SendDiagnostic } from '../sync-admin/SendDiagnostic';
import '../sync-admin/send-diagnostic.css';
import { useKioskStaffStore } from './kiosk-staff-store';

/**
 * «Enviar diagnóstico» on the kiosk's staff screen, with the grant of the sign-in at the hidden
 * corner (kiosk.sendDiagnostic): only the supervisor, support agent or admin the central server
 * let in sees it. An access that ran out says so, and how to come back, in place of the button.
 */
export function KioskDiagnosticCard() {
  const access = useKioskStaffStore((state) => state.access);
  const [expired, setExpired] = useState<string | null>(null);
  if (access === null) return null;
  if (expired !== null)
    return (
      <section className="send-diagnostic staff__card" aria-labelledby="send-diagnostic-expired">
        <h2 id="send-diagnostic-expired">Diagnóstico para el área de sistemas</h2>
        <p role="alert" className="send-diagnostic__failed">
          {expired}
        </p>
      </section>
    );
  return (
    <SendDiagnostic
      grant={{ kind: 'kiosk-corner', grantId: access.grantId }}
      onExpired={setExpired}
      className="staff__card"
    />
  );
}
