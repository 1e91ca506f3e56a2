import { useContext } from 'react';
import type { ApiClient } from '../../src-shared/api/client';
import { ApiClientContext } from './api-context';

/** The injected contract client: components never know whether they run in Electron or a browser. */
export function useApiClient(): ApiClient {
  const client = useContext(ApiClientContext);
  if (client === null) throw new Error('useApiClient needs an <ApiClientContext.Provider> above it');
  return client;
}
