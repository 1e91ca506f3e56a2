import type { FieldSpec } from '../accounts/KeyboardForm';
import { Button } from '../ui/Button';
import { IdentificationForm } from './IdentificationForm';
import { StatementView } from './StatementView';
import { useWalletCall } from './useWalletCall';
import { useWalletStore } from './wallet-store';
import { numberHint } from './wallet-words';
import { WalletFrame } from './WalletFrame';

const claveField: readonly FieldSpec<'clave'>[] = [
  {
    name: 'clave',
    label: 'Clave del prepago',
    hint: 'La que le enviamos al correo con el soporte de su primer pago.',
    kind: 'password',
    maxLength: 64,
  },
];

/**
 * «Consultar saldo y movimientos»: identification and clave → the balance, the kardex, the
 * statement in PDF and the contact data. The clave is held only while the statement is shown.
 */
export function StatementScreen() {
  const statement = useWalletStore((state) => state.statement);
  const statementOpened = useWalletStore((state) => state.statementOpened);
  const open = useWalletStore((state) => state.open);
  const { busy, problem, setProblem, run } = useWalletCall();
  if (statement !== null) return <StatementView credentials={statement.credentials} statement={statement.value} />;
  return (
    <WalletFrame title="Consultar saldo y movimientos">
      <section className="bills-card wallet-form" aria-label="Identificación y clave">
        <p className="bills-lead">Escriba la identificación de su prepago y su clave.</p>
        <IdentificationForm
          numberHint={numberHint}
          label="Consultar saldo y movimientos"
          extraFields={claveField}
          clearOnProblem={['clave']}
          submitLabel="Consultar"
          busyLabel="Consultando…"
          busy={busy}
          problem={problem}
          setProblem={setProblem}
          otherActions={
            <Button variant="secondary" onClick={() => open('new-clave')}>
              Olvidé mi clave
            </Button>
          }
          onSubmit={(identification, values) => {
            const credentials = { ...identification, clave: values.clave };
            void run('wallet.statement', credentials).then((value) => {
              if (value !== null) statementOpened(credentials, value);
            });
          }}
        />
      </section>
    </WalletFrame>
  );
}
