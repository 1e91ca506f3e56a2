/**
 * How fast the gateway machinery moves, and observers of its steps: production uses the
 * defaults (Wompi's retry schedule, a poll every 30 s of checkouts older than a minute); tests
 * shorten them and the fault tests kill the process at a step.
 */
export interface GatewayOptions {
  /** The demo gateway's waits before each retry of an undelivered event (default Wompi's 30 min, 3 h, 24 h). */
  readonly retryScheduleMs?: readonly number[];
  /** How often the poller looks for checkouts with no final status (default 30 s). */
  readonly pollIntervalMs?: number;
  /** How old a checkout must be before the poller asks about it (default 1 min): the webhook usually comes first. */
  readonly pollMinAgeMs?: number;
  /** Called after a webhook's news is committed, before the answer is sent. */
  readonly afterEventCommitted?: () => void;
}

export const DEFAULT_POLL_INTERVAL_MS = 30_000;
export const DEFAULT_POLL_MIN_AGE_MS = 60_000;
