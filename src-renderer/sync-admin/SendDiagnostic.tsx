import { useState } from 'react';
import { useApiClient } from '../api/useApiClient';
import { Button } from '../ui/Button';

type Outcome = { readonly kind: 'sent' | 'failed'; readonly text: string };

const kilobytes = (bytes: number): string => `${Math.max(1, Math.round(bytes / 1024)).toLocaleString('es-CO')} KB`;

/**
 * «Enviar diagnóstico» (docs/operations.md, "Logs and diagnostics"): with the supervisor's grant
 * of this screen, the device's last log lines — without personal data — go to the central
 * server, where IT staff read them from «Equipos». The outcome is said in words: sent, or why
 * not (no connection, sent a moment ago, the sign-in ended).
 */
export function SendDiagnostic({
  grantId,
  onExpired,
}: {
  readonly grantId: string;
  readonly onExpired: (message: string) => void;
}) {
  const client = useApiClient();
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome | null>(null);

  const send = async (): Promise<void> => {
    setBusy(true);
    setOutcome(null);
    const result = await client.call('diagnostics.send', { grantId });
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
    <section className="parked__diagnostic" aria-labelledby="parked-diagnostic">
      <h2 id="parked-diagnostic">Diagnóstico para el área de sistemas</h2>
      <p>
        Envía al servidor central los últimos registros técnicos de este equipo, sin datos de los ciudadanos, para que
        el área de sistemas revise un problema.
      </p>
      <Button variant="secondary" disabled={busy} onClick={() => void send()}>
        {busy ? 'Enviando…' : 'Enviar diagnóstico'}
      </Button>
      {outcome !== null && (
        <p role={outcome.kind === 'sent' ? 'status' : 'alert'} className={`parked__diagnostic-${outcome.kind}`}>
          {outcome.text}
        </p>
      )}
    </section>
  );
}
