import { useMemo, useState } from 'react';
import type { HolderDataValue } from '../../src-shared/server-api/wallet-api';
import { KeyboardForm } from '../accounts/KeyboardForm';
import { Button } from '../ui/Button';
import { contactFields, fieldOfPath, type ContactField } from './holder-form';
import { useWalletCall } from './useWalletCall';
import type { HolderCredentials } from './wallet-store';

/**
 * «Modificar datos de contacto»: email, phones, address and municipality, saved with the
 * identification and clave that opened the statement. Names and the identification do not change.
 */
export function ContactForm({
  credentials,
  holder,
  onSaved,
  onCancel,
}: {
  readonly credentials: HolderCredentials;
  readonly holder: HolderDataValue;
  readonly onSaved: (holder: HolderDataValue, message: string) => void;
  readonly onCancel: () => void;
}) {
  const [values, setValues] = useState<Record<ContactField, string>>({
    email: holder.contact.email,
    landline: holder.contact.landline ?? '',
    mobile: holder.contact.mobile,
    address: holder.contact.address,
    municipality: holder.contact.municipality,
  });
  const { busy, problem, run } = useWalletCall();
  // The server names a field by its path (`contact.email`); the form by its name. One object per
  // problem: the form moves the keyboard to a problem's field once, when it first sees it.
  const shownProblem = useMemo(
    () => (problem === null ? null : { ...problem, field: fieldOfPath(problem.field) }),
    [problem],
  );
  const save = async () => {
    const value = await run('wallet.updateContact', { ...credentials, contact: values });
    if (value !== null) onSaved(value.holder, value.message);
  };
  return (
    <section className="bills-card wallet-form" aria-labelledby="wallet-contact-title">
      <h2 id="wallet-contact-title" className="wallet-section-title">
        Modificar datos de contacto
      </h2>
      <KeyboardForm
        label="Datos de contacto"
        fields={contactFields}
        values={values}
        onChange={(name, value) => setValues({ ...values, [name]: value })}
        onSubmit={() => void save()}
        problem={shownProblem}
        columns={2}
        stickyKeyboard
      >
        <div className="account-actions">
          <Button size="large" disabled={busy} onClick={() => void save()}>
            {busy ? 'Guardando…' : 'Guardar'}
          </Button>
          <Button variant="secondary" disabled={busy} onClick={onCancel}>
            Cancelar
          </Button>
        </div>
      </KeyboardForm>
    </section>
  );
}
