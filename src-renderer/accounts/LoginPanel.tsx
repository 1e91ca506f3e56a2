import { useState } from 'react';
import { useRouteStore } from '../app/route-store';
import { BillsFrame } from '../bills/BillsFrame';
import { Button } from '../ui/Button';
import { useAccountStore } from './account-store';
import { KeyboardForm, type FieldSpec } from './KeyboardForm';
import { useAccountCall } from './useAccountCall';

type Field = 'docNumber' | 'password';
const fields: readonly FieldSpec<Field>[] = [
  {
    name: 'docNumber',
    label: 'Número de documento',
    hint: 'Su usuario es su número de documento, con o sin puntos.',
    maxLength: 20,
  },
  {
    name: 'password',
    label: 'Contraseña',
    hint: 'La que escogió, o la que le enviamos a su correo.',
    kind: 'password',
    maxLength: 128,
  },
];

/** «Ingresar» (guide 000 §3): número de documento and contraseña. */
export function LoginPanel() {
  const [values, setValues] = useState<Record<Field, string>>({ docNumber: '', password: '' });
  const { busy, problem, setProblem, run } = useAccountCall();
  const notice = useAccountStore((state) => state.notice);
  const loggedIn = useAccountStore((state) => state.loggedIn);
  const show = useAccountStore((state) => state.show);
  const navigate = useRouteStore((state) => state.navigate);

  const submit = async () => {
    if (values.docNumber.trim() === '' || values.password === '') {
      setProblem({
        code: 'validation',
        message: 'Escriba su número de documento y su contraseña.',
        field: values.docNumber.trim() === '' ? 'docNumber' : 'password',
      });
      return;
    }
    const value = await run('accounts.login', { docNumber: values.docNumber, password: values.password });
    setValues((current) => ({ ...current, password: '' }));
    if (value !== null) loggedIn(value);
  };

  return (
    <BillsFrame eyebrow="Trámites en línea" title="Ingresar">
      <div className="bills-card">
        {notice !== null && (
          <p className="account-notice" role="status">
            {notice}
          </p>
        )}
        <KeyboardForm
          label="Ingresar"
          fields={fields}
          values={values}
          onChange={(name, value) => setValues({ ...values, [name]: value })}
          onSubmit={() => void submit()}
          problem={problem}
          columns={2}
        >
          <div className="account-actions">
            <Button size="large" disabled={busy} onClick={() => void submit()}>
              {busy ? 'Verificando…' : 'Ingresar'}
            </Button>
            <Button variant="secondary" onClick={() => show('recover')}>
              Recuperar contraseña
            </Button>
            <Button variant="secondary" onClick={() => navigate({ screen: 'feature', feature: 'account-register' })}>
              Regístrese aquí
            </Button>
          </div>
        </KeyboardForm>
      </div>
    </BillsFrame>
  );
}
