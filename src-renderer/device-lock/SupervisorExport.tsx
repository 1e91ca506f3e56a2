import { useState, type FormEvent } from 'react';
import { useApiClient } from '../api/useApiClient';

type ExportView =
  | { readonly step: 'form'; readonly problem: string | null }
  | { readonly step: 'busy' }
  | { readonly step: 'done'; readonly file: string; readonly events: number };

/**
 * A supervisor's username and password (checked on this device, against the accounts it kept
 * for this), then the export. The password is cleared from the screen whatever the answer.
 */
export function SupervisorExport() {
  const client = useApiClient();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [view, setView] = useState<ExportView>({ step: 'form', problem: null });

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (username.trim() === '' || password === '')
      return setView({ step: 'form', problem: 'Escriba el usuario y la contraseña del supervisor.' });
    setView({ step: 'busy' });
    const grant = await client.call('staff.authorize', { username, password });
    setPassword('');
    if (!grant.ok) return setView({ step: 'form', problem: grant.error.message });
    const exported = await client.call('device.exportUnsentEvents', { grantId: grant.value.grantId });
    if (!exported.ok) return setView({ step: 'form', problem: exported.error.message });
    setView({ step: 'done', file: exported.value.file, events: exported.value.events });
  };

  if (view.step === 'done') {
    return (
      <div className="lock-screen__done" role="status">
        <p>
          Se guardaron {view.events} {view.events === 1 ? 'registro' : 'registros'} en el archivo:
        </p>
        <p className="lock-screen__file">{view.file}</p>
        <p>Copie ese archivo y entréguelo al área de sistemas para cargarlo en el servidor central.</p>
      </div>
    );
  }
  return (
    <form
      className="lock-screen__form"
      onSubmit={(event) => void submit(event)}
      aria-label="Exportar los registros sin enviar"
    >
      <label>
        Usuario del supervisor
        <input value={username} onChange={(e) => setUsername(e.target.value)} autoComplete="username" maxLength={64} />
      </label>
      <label>
        Contraseña
        <input
          type="password"
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          autoComplete="current-password"
          maxLength={256}
        />
      </label>
      {view.step === 'form' && view.problem !== null && (
        <p className="lock-screen__problem" role="alert">
          {view.problem}
        </p>
      )}
      <button type="submit" className="lock-screen__button" disabled={view.step === 'busy'}>
        {view.step === 'busy' ? 'Exportando…' : 'Exportar registros sin enviar'}
      </button>
    </form>
  );
}
