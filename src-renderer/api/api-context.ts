import { createContext } from 'react';
import type { ApiClient } from '../../src-shared/api/client';

/** The contract client of the host this page runs in; provided once by the app root. */
export const ApiClientContext = createContext<ApiClient | null>(null);
