import { IdentificationForm } from './IdentificationForm';
import { useWalletCall } from './useWalletCall';
import { useWalletStore } from './wallet-store';
import { identificationLead, nitHint } from './wallet-words';

/**
 * «Recargar - Prepago - Selección» (guide 001 §8): who recharges. The server records the terms'
 * acceptance with it and says whether the identification already has a prepaid wallet.
 */
export function IdentifyStep() {
  const terms = useWalletStore((state) => state.terms);
  const identified = useWalletStore((state) => state.identified);
  const { busy, problem, setProblem, run } = useWalletCall();
  return (
    <section className="bills-card wallet-form" aria-label="Identificación">
      <p className="bills-lead">{identificationLead}</p>
      <IdentificationForm
        numberHint={nitHint}
        label="Identificación de quien recarga"
        submitLabel="Continuar"
        busyLabel="Consultando…"
        busy={busy}
        problem={problem}
        setProblem={setProblem}
        onSubmit={(identification) => {
          if (terms === null) return;
          void run('wallet.start', { ...identification, termsVersion: terms.version }).then((start) => {
            if (start !== null) identified(identification, start);
          });
        }}
      />
    </section>
  );
}
