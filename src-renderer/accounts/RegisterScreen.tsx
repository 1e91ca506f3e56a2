import { useState } from 'react';
import type { ConsentPolicyValue } from '../../src-shared/server-api/accounts-api';
import { documentTypeLabel, registrationDocumentTypes } from '../../src-shared/domain/identity-document';
import { useRouteStore } from '../app/route-store';
import { BillsFrame } from '../bills/BillsFrame';
import { Button } from '../ui/Button';
import { SegmentedChoice } from '../ui/SegmentedChoice';
import { useAccountStore } from './account-store';
import { KeyboardForm, type FieldSpec } from './KeyboardForm';
import { ProblemLine } from './ProblemLine';
import { emptyProfile, profileFields, type ProfileField } from './profile-form';
import { useAccountCall } from './useAccountCall';
import { useCallOnShow } from './useCallOnShow';
import './account.css';

type Field = ProfileField | 'docNumber';
const fields: readonly FieldSpec<Field>[] = [
  {
    name: 'docNumber',
    label: 'Número de documento',
    hint: 'Será su usuario. Un NIT va con su dígito de verificación: 900.123.456-8.',
    maxLength: 24,
  },
  ...profileFields,
];

/**
 * «Regístrese aquí» (guide 000 §1): the whole form, the Ley 1581 authorization to read and
 * accept, and «Registrar». The access data go to the email given; the screen says the same
 * whether or not the document or email already had an account.
 */
export function RegisterScreen() {
  const navigate = useRouteStore((state) => state.navigate);
  const showLogin = useAccountStore((state) => state.show);
  const [docType, setDocType] = useState<(typeof registrationDocumentTypes)[number]>('CC');
  const [values, setValues] = useState<Record<Field, string>>({ ...emptyProfile, docNumber: '' });
  const [policy, setPolicy] = useState<ConsentPolicyValue | null>(null);
  const [accepted, setAccepted] = useState(false);
  const [done, setDone] = useState<string | null>(null);
  const { busy, problem, setProblem, run } = useAccountCall();

  useCallOnShow('accounts.policy', {}, (result) => (result.ok ? setPolicy(result.value) : setProblem(result.error)));

  const submit = async () => {
    if (policy === null) return;
    if (!accepted) {
      setProblem({
        code: 'validation',
        message:
          'Para crear la cuenta debe leer y aceptar la autorización para el tratamiento de sus datos personales.',
        field: 'consent',
      });
      return;
    }
    const value = await run('accounts.register', {
      docType,
      ...values,
      consent: { policyVersion: policy.version, accepted: true },
    });
    if (value !== null) setDone(value.message);
  };

  const toLogin = () => {
    showLogin('login');
    navigate({ screen: 'feature', feature: 'account-login' });
  };

  if (done !== null) {
    return (
      <BillsFrame eyebrow="Trámites en línea" title="Revise su correo">
        <div className="bills-card">
          <p className="account-done" role="status">
            {done}
          </p>
          <Button size="large" onClick={toLogin}>
            Ir a Ingresar
          </Button>
        </div>
      </BillsFrame>
    );
  }
  if (policy === null) {
    return (
      <BillsFrame eyebrow="Trámites en línea" title="Regístrese aquí">
        <div className="bills-card">
          {problem === null ? (
            <p className="bills-muted">Cargando el formulario…</p>
          ) : (
            <ProblemLine problem={problem} />
          )}
        </div>
      </BillsFrame>
    );
  }
  return (
    <BillsFrame eyebrow="Trámites en línea" title="Regístrese aquí">
      <div className="bills-card">
        <p className="bills-lead">Diligencie todos los datos. Le enviaremos a su correo los datos de acceso.</p>
        <div className="account-doc-type">
          <SegmentedChoice
            label="Tipo de documento"
            options={registrationDocumentTypes.map((type) => ({ value: type, label: documentTypeLabel(type) }))}
            value={docType}
            onChange={setDocType}
          />
        </div>
        <KeyboardForm
          label="Registro de usuario"
          fields={fields}
          values={values}
          onChange={(name, value) => setValues({ ...values, [name]: value })}
          onSubmit={() => void submit()}
          problem={problem}
          columns={2}
          stickyKeyboard
        >
          <section className="account-consent" aria-labelledby="consent-title">
            <h2 id="consent-title">{policy.title}</h2>
            <div className="account-consent__text" tabIndex={0}>
              {policy.text.split('\n\n').map((paragraph) => (
                <p key={paragraph.slice(0, 32)}>{paragraph}</p>
              ))}
            </div>
            <label className="account-consent__accept">
              <input type="checkbox" checked={accepted} onChange={(event) => setAccepted(event.target.checked)} />
              Leí y acepto la autorización para el tratamiento de mis datos personales
            </label>
          </section>
          <div className="account-actions">
            <Button size="large" disabled={busy} onClick={() => void submit()}>
              {busy ? 'Registrando…' : 'Registrar'}
            </Button>
            <Button variant="secondary" onClick={toLogin}>
              Ya tengo cuenta: Ingresar
            </Button>
          </div>
        </KeyboardForm>
      </div>
    </BillsFrame>
  );
}
