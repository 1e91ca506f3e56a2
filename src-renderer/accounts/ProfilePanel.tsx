import { useState } from 'react';
import type { AccountProfile } from '../../src-shared/accounts/account-fields';
import { documentTypeLabel, formatDocument } from '../../src-shared/domain/identity-document';
import { BillsFrame } from '../bills/BillsFrame';
import { Button } from '../ui/Button';
import { useAccountStore } from './account-store';
import { KeyboardForm, type FieldSpec } from './KeyboardForm';
import { profileFields, profileValues, emptyProfile, type ProfileField } from './profile-form';
import { PendingEmailPanel } from './PendingEmailPanel';
import { useAccountCall } from './useAccountCall';
import { useCallOnShow } from './useCallOnShow';

type Field = ProfileField | 'document';
const fields: readonly FieldSpec<Field>[] = [
  { name: 'document', label: 'Documento (no se puede cambiar)', maxLength: 30, readOnly: true },
  ...profileFields,
];

/**
 * «Modificar usuario» (guide 000 §8): the form is read-only until «Modificar»; «Guardar»
 * saves. The document cannot change: it is the account's identity.
 */
export function ProfilePanel() {
  const session = useAccountStore((state) => state.session);
  const show = useAccountStore((state) => state.show);
  const [profile, setProfile] = useState<AccountProfile | null>(null);
  const [values, setValues] = useState<Record<Field, string>>({ ...emptyProfile, document: '' });
  const [editing, setEditing] = useState(false);
  const [saved, setSaved] = useState<string | null>(null);
  const { busy, problem, setProblem, run } = useAccountCall();

  useCallOnShow('accounts.profile', session === null ? null : { session }, (result) => {
    if (!result.ok) return setProblem(result.error);
    setProfile(result.value);
    setValues({
      ...profileValues(result.value),
      document: `${documentTypeLabel(result.value.docType)} · ${formatDocument(result.value.docType, result.value.docNumber)}`,
    });
  });

  const save = async () => {
    if (session === null) return;
    const { document: _document, ...edited } = values;
    const value = await run('accounts.saveProfile', { session, profile: edited });
    if (value === null) return;
    setProfile(value);
    setValues({ ...values, ...profileValues(value) });
    setEditing(false);
    setSaved(
      value.pendingEmail === null
        ? 'Sus datos quedaron actualizados.'
        : 'Sus datos quedaron actualizados, menos el correo: falta confirmarlo.',
    );
  };

  const cancel = () => {
    if (profile !== null) setValues({ ...values, ...profileValues(profile) });
    setEditing(false);
    setProblem(null);
  };

  const actions = editing ? (
    <>
      <Button variant="secondary" onClick={cancel}>
        Cancelar
      </Button>
      <Button disabled={busy} onClick={() => void save()}>
        {busy ? 'Guardando…' : 'Guardar'}
      </Button>
    </>
  ) : (
    <>
      <Button variant="secondary" onClick={() => show('menu')}>
        Volver al menú
      </Button>
      <Button
        disabled={profile === null}
        onClick={() => {
          setSaved(null);
          setEditing(true);
        }}
      >
        Modificar
      </Button>
    </>
  );
  return (
    <BillsFrame eyebrow="Mi cuenta" title="Modificar usuario" back={actions}>
      <div className="bills-card">
        {saved !== null && (
          <p className="account-done" role="status">
            {saved}
          </p>
        )}
        {profile === null && problem === null && <p className="bills-muted">Cargando sus datos…</p>}
        {!editing && profile !== null && profile.pendingEmail !== null && (
          <PendingEmailPanel
            profile={profile}
            onConfirmed={(value) => {
              setProfile(value);
              setValues({ ...values, ...profileValues(value) });
              setSaved('Su correo quedó cambiado.');
            }}
          />
        )}
        <KeyboardForm
          label="Datos del usuario"
          fields={fields}
          values={values}
          onChange={(name, value) => setValues({ ...values, [name]: value })}
          onSubmit={() => void save()}
          problem={problem}
          editable={editing}
          columns={2}
          stickyKeyboard
        />
      </div>
    </BillsFrame>
  );
}
