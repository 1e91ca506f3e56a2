import { useState } from 'react';
import type { ApiError } from '../../src-shared/api/result';
import { useCallOnShow } from '../accounts/useCallOnShow';
import { ticketsOfflineText } from './ticket-words';
import { useTicketsStore } from './tickets-store';

/**
 * The categories, the support line and the attachment limits, asked once per visit when a
 * tickets screen first shows; the problem when the central server could not say them.
 */
export function useTicketsSetup(): ApiError | null {
  const setup = useTicketsStore((state) => state.setup);
  const loaded = useTicketsStore((state) => state.loaded);
  const [problem, setProblem] = useState<ApiError | null>(null);
  useCallOnShow('tickets.categories', setup === null ? {} : null, (result) => {
    if (result.ok) loaded(result.value);
    else setProblem(result.error.code === 'offline' ? { code: 'offline', message: ticketsOfflineText } : result.error);
  });
  return problem;
}
