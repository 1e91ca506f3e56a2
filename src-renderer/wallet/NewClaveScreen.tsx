import { useState } from 'react';
import { Button } from '../ui/Button';
import { IdentificationForm } from './IdentificationForm';
import { useWalletCall } from './useWalletCall';
import { useWalletStore } from './wallet-store';
import { numberHint } from './wallet-words';
import { WalletFrame } from './WalletFrame';

/**
 * «Solicitar clave nueva»: the identification → the server mails the holder; the answer is the
 * same whether or not the identification has a prepaid wallet.
 */
export function NewClaveScreen() {
  const toMenu = useWalletStore((state) => state.toMenu);
  const [sent, setSent] = useState<string | null>(null);
  const { busy, problem, setProblem, run } = useWalletCall();
  return (
    // Once sent, the big button is the way back; the frame's would say the same twice.
    <WalletFrame title="Solicitar clave nueva" back={sent === null ? undefined : null}>
      <section className="bills-card wallet-form" aria-label="Solicitar clave nueva">
        {sent === null ? (
          <>
            <p className="bills-lead">
              Escriba la identificación de su prepago. Le enviaremos al correo registrado en él las instrucciones para
              tener una clave nueva.
            </p>
            <IdentificationForm
              numberHint={numberHint}
              label="Solicitar clave nueva"
              submitLabel="Solicitar"
              busyLabel="Enviando…"
              busy={busy}
              problem={problem}
              setProblem={setProblem}
              onSubmit={(identification) => {
                void run('wallet.requestNewClave', identification).then((value) => {
                  if (value !== null) setSent(value.message);
                });
              }}
            />
          </>
        ) : (
          <>
            <p className="account-done" role="status">
              {sent}
            </p>
            <div className="account-actions">
              <Button size="large" onClick={() => toMenu()}>
                Volver al menú del prepago
              </Button>
            </div>
          </>
        )}
      </section>
    </WalletFrame>
  );
}
