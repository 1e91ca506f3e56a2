import { useEffect, useState, type ReactNode } from 'react';
import type { ApiError } from '../../src-shared/api/result';
import type { AppInfo } from '../../src-shared/api/ops/app';
import { useApiClient } from '../api/useApiClient';
import { FullScreenMessage } from '../ui/FullScreenMessage';
import { AppInfoContext } from './app-info-context';

type Load =
  | { readonly state: 'loading' }
  | { readonly state: 'ready'; readonly info: AppInfo }
  | { readonly state: 'failed'; readonly error: ApiError };

/** Loads `app.info` once; until then a calm loading screen, on failure a message and a retry. */
export function AppInfoProvider({ children }: { readonly children: ReactNode }) {
  const client = useApiClient();
  const [load, setLoad] = useState<Load>({ state: 'loading' });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let cancelled = false;
    void client.call('app.info', {}).then((result) => {
      if (cancelled) return;
      setLoad(result.ok ? { state: 'ready', info: result.value } : { state: 'failed', error: result.error });
    });
    return () => {
      cancelled = true;
    };
  }, [client, attempt]);

  if (load.state === 'loading') {
    return <FullScreenMessage tone="calm" title="Cargando Ventanilla…" busy />;
  }
  if (load.state === 'failed') {
    const retry = () => {
      setLoad({ state: 'loading' });
      setAttempt((count) => count + 1);
    };
    return (
      <FullScreenMessage
        tone="problem"
        title="Ventanilla no pudo iniciar"
        action={{ label: 'Intentar de nuevo', onPress: retry }}
      >
        <p>{load.error.message}</p>
      </FullScreenMessage>
    );
  }
  return <AppInfoContext.Provider value={load.info}>{children}</AppInfoContext.Provider>;
}
