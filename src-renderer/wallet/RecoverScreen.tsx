import type { FieldSpec } from '../accounts/KeyboardForm';
import { IdentificationForm } from './IdentificationForm';
import { LiquidationPanel } from './LiquidationPanel';
import { useWalletCall } from './useWalletCall';
import { useWalletStore } from './wallet-store';
import { numberHint } from './wallet-words';
import { WalletFrame } from './WalletFrame';

const codeField: readonly FieldSpec<'recoveryCode'>[] = [
  {
    name: 'recoveryCode',
    label: 'Código de recuperación',
    hint: 'Las 6 letras y números de su liquidación, con mayúsculas y minúsculas como aparecen.',
    maxLength: 8,
  },
];

/**
 * «Recuperar transacción»: identification and recovery code → the liquidación with its state
 * and the ways to pay it. The server answers every miss alike and throttles guesses.
 */
export function RecoverScreen() {
  const liquidation = useWalletStore((state) => state.liquidation);
  const showLiquidation = useWalletStore((state) => state.showLiquidation);
  const { busy, problem, setProblem, run } = useWalletCall();
  if (liquidation !== null) {
    return (
      <WalletFrame key="liquidation" title="Recuperar transacción">
        <LiquidationPanel liquidation={liquidation} />
      </WalletFrame>
    );
  }
  return (
    <WalletFrame key="form" title="Recuperar transacción">
      <section className="bills-card wallet-form" aria-label="Datos de la transacción">
        <p className="bills-lead">
          Escriba la identificación con la que generó la liquidación y el código de recuperación que le mostramos en la
          pantalla o en el volante.
        </p>
        <IdentificationForm
          numberHint={numberHint}
          label="Recuperar transacción"
          extraFields={codeField}
          submitLabel="Buscar la liquidación"
          busyLabel="Buscando…"
          busy={busy}
          problem={problem}
          setProblem={setProblem}
          onSubmit={(identification, values) => {
            void run('wallet.recover', { ...identification, recoveryCode: values.recoveryCode.trim() }).then(
              (found) => {
                if (found !== null) showLiquidation(found);
              },
            );
          }}
        />
      </section>
    </WalletFrame>
  );
}
