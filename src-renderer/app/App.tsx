import type { HostConnection } from '../api/connect-host';
import { ApiClientContext } from '../api/api-context';
import { useHostAccessStore } from '../api/host-access-store';
import { AppInfoProvider } from '../app-info/AppInfoProvider';
import { ErrorBoundary } from './ErrorBoundary';
import { ModeApp } from './ModeApp';
import { NoAccessMessage } from './NoAccessMessage';

/** The root: refuses to start without access to a host, then injects its client. */
export function App({ connection }: { readonly connection: HostConnection }) {
  const refused = useHostAccessStore((state) => state.refused);
  if (connection.kind === 'no-token' || refused) return <NoAccessMessage />;
  return (
    <ErrorBoundary>
      <ApiClientContext.Provider value={connection.client}>
        <AppInfoProvider>
          <ModeApp />
        </AppInfoProvider>
      </ApiClientContext.Provider>
    </ErrorBoundary>
  );
}
