import { useState, type FormEvent } from 'react';
import type { OpOutput } from '../../src-shared/api/contract';
import { useApiClient } from '../api/useApiClient';
import { OnScreenKeyboard } from '../touch-input/OnScreenKeyboard';
import { TouchField } from '../touch-input/TouchField';
import { Button } from '../ui/Button';
import './staff-sign-in.css';

export type StaffGrant = OpOutput<'staff.authorize'>;

interface StaffSignInProps {
  /** What the credentials are for, e.g. "Revisar los registros detenidos". */
  readonly purpose: string;
  readonly onGranted: (grant: StaffGrant) => void;
}

/**
 * Username and password of a staff member, typed on the on-screen keyboard (or a physical
 * one), checked on this device against the replicated accounts: it works offline. The
 * answer to a wrong user or password is the same, and nothing typed is kept after it.
 */
export function StaffSignIn({ purpose, onGranted }: StaffSignInProps) {
  const client = useApiClient();
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
    const result = await client.call('staff.authorize', { username, password });
    setBusy(false);
    setPassword('');
    if (!result.ok) {
      setProblem(result.error.message);
      setField('password');
      return;
    }
    setProblem(null);
    onGranted(result.value);
  };

  // The on-screen keyboard sits outside the <form>: its keys must type, never submit.
  return (
    <div className="staff-sign-in">
      <form className="staff-sign-in__form" onSubmit={(event) => void submit(event)} aria-label="Ingreso del personal">
        <p className="staff-sign-in__purpose">{purpose}</p>
        <div className="staff-sign-in__fields">
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
          <p className="staff-sign-in__problem" role="alert">
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
