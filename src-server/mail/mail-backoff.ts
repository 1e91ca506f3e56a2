/**
 * How long a mail waits after a transient failure: exponential from `baseMs`, capped at
 * `maxMs`, with "equal jitter" (half fixed, half random) so mail queued together during an
 * outage does not hit the relay together when it comes back. There is no last attempt: mail
 * that failed only transiently is retried every `maxMs` for as long as it takes.
 */
export interface BackoffPolicy {
  readonly baseMs: number;
  readonly maxMs: number;
}

export const DEFAULT_MAIL_BACKOFF: BackoffPolicy = { baseMs: 5_000, maxMs: 15 * 60_000 };

/** Delay after the `attempt`-th failed attempt (1 for the first); `random` returns [0, 1). */
export function retryDelayMs(attempt: number, policy: BackoffPolicy, random: () => number = Math.random): number {
  // 2^30 × 5 s is far past any cap; bounding the exponent keeps the arithmetic finite.
  const exponent = Math.min(Math.max(attempt, 1) - 1, 30);
  const ceiling = Math.min(policy.maxMs, policy.baseMs * 2 ** exponent);
  return Math.round(ceiling / 2 + (ceiling / 2) * random());
}
