import { useState } from 'react';
import type { AccountProfile } from '../../src-shared/accounts/account-fields';
import { Button } from '../ui/Button';
import { useAccountStore } from './account-store';
import { KeyboardForm, type FieldSpec } from './KeyboardForm';
import { useAccountCall } from './useAccountCall';

const fields: readonly FieldSpec<'code'>[] = [
  {
    name: 'code',
    label: 'Código de confirmación',
    hint: 'Los 6 números que le enviamos al correo nuevo.',
    kind: 'digits',
    maxLength: 6,
  },
];

/**
 * A new email waits for the code mailed to it; until the citizen types it, the account keeps
 * the old address (the server never says whether the new one belongs to someone else).
 */
export function PendingEmailPanel({
  profile,
  onConfirmed,
}: {
  readonly profile: AccountProfile;
  readonly onConfirmed: (profile: AccountProfile) => void;
}) {
  const session = useAccountStore((state) => state.session);
  const [values, setValues] = useState({ code: '' });
  const { busy, problem, run } = useAccountCall();

  const confirm = async () => {
    if (session === null) return;
    const value = await run('accounts.confirmEmail', { session, code: values.code });
    if (value !== null) onConfirmed(value);
  };

  return (
    <section className="account-pending" aria-label="Confirmar el correo nuevo">
      <p className="account-notice">
        Le enviamos un código a <strong>{profile.pendingEmail}</strong>. Escríbalo aquí para que ese sea el correo de su
        cuenta; mientras tanto sigue siendo {profile.email}.
      </p>
      <KeyboardForm
        label="Confirmar el correo nuevo"
        fields={fields}
        values={values}
        onChange={(_name, code) => setValues({ code })}
        onSubmit={() => void confirm()}
        problem={problem}
      >
        <div className="account-actions">
          <Button disabled={busy} onClick={() => void confirm()}>
            {busy ? 'Confirmando…' : 'Confirmar el correo'}
          </Button>
        </div>
      </KeyboardForm>
    </section>
  );
}
