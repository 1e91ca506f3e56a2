import { useMemo, useState, type FormEvent } from 'react';
import { useApiClient } from '../api/useApiClient';
import { CredentialFields } from '../staff/CredentialFields';
import { useCashierStore } from './cashier-store';
import { useFunctionKeys } from './useFunctionKeys';

/** Username and password (or the cashier's PIN); checked on this device, so it works with the central server down. */
export function SignInScreen() {
  const client = useApiClient();
  const signedIn = useCashierStore((state) => state.signedIn);
  const show = useCashierStore((state) => state.show);
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [testPage, setTestPage] = useState<string | null>(null);

  const printTestPage = async () => {
    const result = await client.call('print.receiptTestPage', {});
    setTestPage(
      result.ok
        ? (result.value.printerProblem ?? 'Página de prueba enviada a la impresora de recibos.')
        : result.error.message,
    );
  };
  const keys = useMemo(() => ({ F2: () => void printTestPage(), F12: () => show('parked') }), []); // eslint-disable-line react-hooks/exhaustive-deps -- the client and the store are stable
  useFunctionKeys(keys);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (username.trim() === '' || password === '') return setProblem('Escriba su usuario y su contraseña o PIN.');
    setBusy(true);
    const result = await client.call('cashier.signIn', { username, password });
    setBusy(false);
    setPassword('');
    if (!result.ok) return setProblem(result.error.message);
    signedIn(result.value);
  };

  return (
    <form
      className="cashier-card cashier-sign-in"
      onSubmit={(event) => void submit(event)}
      aria-label="Ingreso a la caja"
    >
      <h1>Ingreso a la caja</h1>
      <CredentialFields username={username} password={password} onUsername={setUsername} onPassword={setPassword} />
      {problem !== null && (
        <p className="cashier-problem" role="alert">
          {problem}
        </p>
      )}
      <button type="submit" className="cashier-primary" disabled={busy}>
        {busy ? 'Verificando…' : 'Ingresar (Enter)'}
      </button>
      <p className="cashier-hint">F2: página de prueba de la impresora de recibos (para el instalador).</p>
      <p className="cashier-hint">
        F12: registros detenidos por el servidor central y «Enviar diagnóstico» (un supervisor).
      </p>
      {testPage !== null && <p role="status">{testPage}</p>}
    </form>
  );
}
