import { useCallback } from 'react';
import type { sessionEndReasons } from '../../src-shared/api/ops/kiosk';
import { useApiClient } from '../api/useApiClient';
import { useIdleStore } from './idle-store';
import { resetSessionState } from './session-registry';

export type SessionEndReason = (typeof sessionEndReasons)[number];

const maxRecordedSeconds = 86_400;

/**
 * Ends the citizen's visit: every session store is cleared first (privacy does not wait for
 * the network), then the end is recorded for the office's statistics. A failed record is
 * not the citizen's problem, so it is not shown.
 */
export function useEndSession(): (reason: SessionEndReason) => void {
  const client = useApiClient();
  return useCallback(
    (reason) => {
      const now = Date.now();
      const startedAt = useIdleStore.getState().sessionStartedAt;
      try {
        resetSessionState();
      } finally {
        useIdleStore.getState().clearSession(now);
      }
      if (startedAt === null) return;
      const durationSeconds = Math.min(maxRecordedSeconds, Math.max(0, Math.round((now - startedAt) / 1000)));
      void client.call('kiosk.sessionEnded', { reason, durationSeconds });
    },
    [client],
  );
}
