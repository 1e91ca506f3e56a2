import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useApiClient } from '../api/useApiClient';
import { useRouteStore } from '../app/route-store';
import { OnScreenKeyboard } from '../touch-input/OnScreenKeyboard';
import { TouchField } from '../touch-input/TouchField';
import { Button } from '../ui/Button';
import { useKioskStaffStore } from './kiosk-staff-store';
import './kiosk-staff-dialog.css';

/**
 * «Acceso del personal», opened by the hidden gesture: a supervisor's, support's or an admin's
 * username and password, checked by the central server (a kiosk holds no staff accounts). A
 * wrong one is refused in Spanish and the password cleared; every try is audit-logged on the
 * device; after five failures the dialog says how long to wait. A modal: nothing behind it
 * answers a touch while it is open.
 */
export function KioskStaffDialog() {
  const open = useKioskStaffStore((state) => state.dialogOpen);
  const dialogRef = useRef<HTMLDialogElement>(null);
  const titleId = useId();

  useEffect(() => {
    const dialog = dialogRef.current;
    if (dialog === null) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);

  return (
    <dialog
      ref={dialogRef}
      className="kiosk-staff-dialog"
      aria-labelledby={titleId}
      onCancel={(event) => {
        event.preventDefault();
        useKioskStaffStore.getState().closeDialog();
      }}
    >
      {open && <StaffSignInForm titleId={titleId} />}
    </dialog>
  );
}

function StaffSignInForm({ titleId }: { readonly titleId: string }) {
  const client = useApiClient();
  const navigate = useRouteStore((state) => state.navigate);
  const { closeDialog, granted } = useKioskStaffStore.getState();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [field, setField] = useState<'username' | 'password'>('username');
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event?: FormEvent): Promise<void> => {
    event?.preventDefault();
    if (username.trim() === '' || password === '') {
      setProblem('Escriba su usuario y su contraseña.');
      return;
    }
    setBusy(true);
    const result = await client.call('kiosk.staffSignIn', { username, password });
    setBusy(false);
    setPassword('');
    if (!result.ok) {
      setProblem(result.error.message);
      setField('password');
      return;
    }
    granted(result.value);
    navigate({ screen: 'staff' });
  };

  // The on-screen keyboard sits outside the <form>: its keys must type, never submit.
  return (
    <div className="kiosk-staff-dialog__body">
      <div className="kiosk-staff-dialog__head">
        <h2 id={titleId} className="kiosk-staff-dialog__title">
          Acceso del personal
        </h2>
        <Button variant="secondary" size="large" onClick={closeDialog}>
          Cancelar
        </Button>
      </div>
      <form
        className="kiosk-staff-dialog__form"
        onSubmit={(event) => void submit(event)}
        aria-label="Acceso del personal"
      >
        <p className="kiosk-staff-dialog__purpose">
          Solo para supervisores, soporte y administradores de la entidad. Se registra cada ingreso.
        </p>
        <div className="kiosk-staff-dialog__fields">
          <TouchField
            label="Usuario"
            value={username}
            onChange={setUsername}
            active={field === 'username'}
            onActivate={() => setField('username')}
            maxLength={64}
          />
          <TouchField
            label="Contraseña"
            kind="password"
            value={password}
            onChange={setPassword}
            active={field === 'password'}
            onActivate={() => setField('password')}
            maxLength={256}
          />
        </div>
        {problem !== null && (
          <p className="kiosk-staff-dialog__problem" role="alert">
            {problem}
          </p>
        )}
        <Button size="large" onClick={() => void submit()} disabled={busy}>
          {busy ? 'Verificando…' : 'Ingresar'}
        </Button>
      </form>
      <OnScreenKeyboard
        value={field === 'username' ? username : password}
        onChange={field === 'username' ? setUsername : setPassword}
        maxLength={field === 'username' ? 64 : 256}
      />
    </div>
  );
}
