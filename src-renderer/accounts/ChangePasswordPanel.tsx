import { useState } from 'react';
import { minPasswordLength } from '../../src-shared/accounts/password-policy';
import { BillsFrame } from '../bills/BillsFrame';
import { Button } from '../ui/Button';
import { useAccountStore } from './account-store';
import { KeyboardForm, type FieldSpec } from './KeyboardForm';
import { useAccountCall } from './useAccountCall';

type Field = 'currentPassword' | 'newPassword' | 'repeatPassword';

/**
 * «Cambio de contraseña» (guide 000 §7): the current password and the new one as many times
 * as asked, then «Aceptar». Right after logging in with a password the system sent, it is
 * the only thing the account offers.
 */
export function ChangePasswordPanel() {
  const session = useAccountStore((state) => state.session);
  const forced = useAccountStore((state) => state.mustChangePassword);
  const passwordChanged = useAccountStore((state) => state.passwordChanged);
  const show = useAccountStore((state) => state.show);
  const [values, setValues] = useState<Record<Field, string>>({
    currentPassword: '',
    newPassword: '',
    repeatPassword: '',
  });
  const { busy, problem, setProblem, run } = useAccountCall();
  const fields: readonly FieldSpec<Field>[] = [
    {
      name: 'currentPassword',
      label: forced ? 'Contraseña que le enviamos' : 'Contraseña actual',
      kind: 'password',
      maxLength: 128,
    },
    {
      name: 'newPassword',
      label: 'Contraseña nueva',
      hint: `Al menos ${minPasswordLength} caracteres. Una frase corta que recuerde es una buena contraseña.`,
      kind: 'password',
      maxLength: 128,
    },
    { name: 'repeatPassword', label: 'Repita la contraseña nueva', kind: 'password', maxLength: 128 },
  ];

  const submit = async () => {
    if (session === null) return;
    const empty = fields.find((f) => values[f.name] === '');
    if (empty !== undefined) {
      setProblem({ code: 'validation', message: `Escriba: ${empty.label.toLowerCase()}.`, field: empty.name });
      return;
    }
    const value = await run('accounts.changePassword', { session, ...values });
    if (value !== null) {
      passwordChanged(value.message);
      return;
    }
    setValues({ currentPassword: values.currentPassword, newPassword: '', repeatPassword: '' });
  };

  const back = forced ? undefined : (
    <Button variant="secondary" onClick={() => show('menu')}>
      Volver al menú
    </Button>
  );
  return (
    <BillsFrame eyebrow="Mi cuenta" title="Cambio de contraseña" back={back}>
      <div className="bills-card">
        {forced && (
          <p className="account-notice">
            Por seguridad, cambie la contraseña que le enviamos por una que escoja usted. Después podrá usar todas las
            opciones.
          </p>
        )}
        <KeyboardForm
          label="Cambio de contraseña"
          fields={fields}
          values={values}
          onChange={(name, value) => setValues({ ...values, [name]: value })}
          onSubmit={() => void submit()}
          problem={problem}
          columns={2}
        >
          <div className="account-actions">
            <Button size="large" disabled={busy} onClick={() => void submit()}>
              {busy ? 'Guardando…' : 'Aceptar'}
            </Button>
          </div>
        </KeyboardForm>
      </div>
    </BillsFrame>
  );
}
