import { useState } from 'react';
import type { DiagnosticSent } from '../../src-shared/api/ops/diagnostics';
import type { Result } from '../../src-shared/api/result';
import { useApiClient } from '../api/useApiClient';
import { Button } from '../ui/Button';
import './send-diagnostic.css';

type Outcome = { readonly kind: 'sent' | 'failed'; readonly text: string };

const kilobytes = (bytes: number): string => `${Math.max(1, Math.round(bytes / 1024)).toLocaleString('es-CO')} KB`;

/**
 * Whose grant sends it: a supervisor's from staff.authorize (counters, field laptops:
 * `diagnostics.send`), or the sign-in at a kiosk's hidden corner (`kiosk.sendDiagnostic`).
 */
export type DiagnosticGrant = { readonly kind: 'supervisor' | 'kiosk-corner'; readonly grantId: string };

/**
 * «Enviar diagnóstico» (docs/operations.md, "Logs and diagnostics"): with the grant of the
 * screen it sits on, the device's last log lines — without personal data — go to the central
 * server, where IT staff read them from «Equipos». The outcome is said in words: sent, or why
 * not (no connection, sent a moment ago, the sign-in ended).
 */
export function SendDiagnostic({
  grant,
  onExpired,
  className,
}: {
  readonly grant: DiagnosticGrant;
  readonly onExpired: (message: string) => void;
  /** The screen's card class (the kiosk's staff screen lays its options out as cards). */
  readonly className?: string;
}) {
  const client = useApiClient();
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome | null>(null);

  const send = async (): Promise<void> => {
    setBusy(true);
    setOutcome(null);
    const { grantId } = grant;
    const result: Result<DiagnosticSent> =
      grant.kind === 'kiosk-corner'
        ? await client.call('kiosk.sendDiagnostic', { grantId })
        : await client.call('diagnostics.send', { grantId });
    setBusy(false);
    if (result.ok) {
      setOutcome({
        kind: 'sent',
        text: `Diagnóstico enviado (${kilobytes(result.value.sizeBytes)}). El área de sistemas lo ve en la consola, en «Equipos».`,
      });
    } else if (result.error.code === 'session-ended') {
      onExpired(result.error.message);
    } else {
      setOutcome({ kind: 'failed', text: result.error.message });
    }
  };

  return (
    <section className={`send-diagnostic ${className ?? 'send-diagnostic--panel'}`} aria-labelledby="send-diagnostic">
      <h2 id="send-diagnostic">Diagnóstico para el área de sistemas</h2>
      <p>
        Envía al servidor central los últimos registros técnicos de este equipo, sin datos de los ciudadanos, para que
        el área de sistemas revise un problema.
      </p>
      <Button variant="secondary" size="large" disabled={busy} onClick={() => void send()}>
        {busy ? 'Enviando…' : 'Enviar diagnóstico'}
      </Button>
      {outcome !== null && (
        <p role={outcome.kind === 'sent' ? 'status' : 'alert'} className={`send-diagnostic__${outcome.kind}`}>
          {outcome.text}
        </p>
      )}
    </section>
  );
}
