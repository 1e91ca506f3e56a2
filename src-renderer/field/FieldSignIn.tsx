import { useState, type FormEvent } from 'react';
import { useApiClient } from '../api/useApiClient';
import { CredentialFields } from '../staff/CredentialFields';
import { useFieldStore } from './field-store';

/**
 * Username and password or PIN, checked on this laptop against the replicated accounts: works
 * offline. Below it, for a supervisor at the office: the records the server refused and
 * «Enviar diagnóstico» (as F12 at a counter's sign-in).
 */
export function FieldSignIn() {
  const client = useApiClient();
  const signedIn = useFieldStore((state) => state.signedIn);
  const show = useFieldStore((state) => state.show);
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (username.trim() === '' || password === '') return setProblem('Escriba su usuario y su contraseña o PIN.');
    setBusy(true);
    const result = await client.call('field.signIn', { username, password });
    setPassword('');
    if (!result.ok) {
      setBusy(false);
      return setProblem(result.error.message);
    }
    const status = await client.call('field.status', { staffSession: result.value.staffSession });
    setBusy(false);
    signedIn(result.value, status.ok && status.value.today !== null);
  };

  return (
    <>
      <form
        className="field-card field-sign-in"
        onSubmit={(event) => void submit(event)}
        aria-label="Ingreso del recaudador"
      >
        <h1>Ingreso del recaudador</h1>
        <CredentialFields username={username} password={password} onUsername={setUsername} onPassword={setPassword} />
        {problem !== null && (
          <p className="field-problem" role="alert">
            {problem}
          </p>
        )}
        <button type="submit" className="field-primary" disabled={busy}>
          {busy ? 'Verificando…' : 'Ingresar'}
        </button>
      </form>
      <section className="field-card field-support" aria-labelledby="field-support">
        <h2 id="field-support">Soporte del equipo</h2>
        <p>Para un supervisor: revisar los registros que el servidor central rechazó y enviar un diagnóstico.</p>
        <div className="field-actions">
          <button type="button" className="field-secondary" onClick={() => show('parked')}>
            Registros detenidos y diagnóstico
          </button>
        </div>
      </section>
    </>
  );
}
