import { useCallback, useEffect, useState } from 'react';
import type { ApiError } from '../../src-shared/api/result';
import type { CheckoutValue, LiquidationValue } from '../../src-shared/server-api/wallet-api';
import { useApiClient } from '../api/useApiClient';
import { usePauseIdle } from '../session/usePauseIdle';
import { walletProblem } from './useWalletCall';

/**
 * «Pagar en línea» as the kiosk follows it: the checkout opened at the gateway, then its state
 * until the gateway settles it. The citizen pays on the phone meanwhile, without touching the
 * kiosk, so the idle timer is held while the payment is under way (for a bounded time).
 */
export type CheckoutProgress =
  | { readonly phase: 'opening' }
  | { readonly phase: 'failed'; readonly error: ApiError }
  /** `status` is the gateway's (`CREATED` until it reports, then `PENDING`). */
  | { readonly phase: 'waiting'; readonly checkout: CheckoutValue; readonly status: string }
  | { readonly phase: 'approved' }
  | { readonly phase: 'declined'; readonly status: string }
  /** Nothing final after `giveUpMs`: the kiosk stops waiting; the payment may still arrive. */
  | { readonly phase: 'stalled'; readonly checkout: CheckoutValue };

const pollMs = 2_000;
/** Long enough to type a card's data on a phone; after it the kiosk no longer holds the idle timer. */
const giveUpMs = 10 * 60_000;
const refused = new Set(['DECLINED', 'VOIDED', 'ERROR']);

export function useCheckout(liquidation: LiquidationValue): {
  readonly progress: CheckoutProgress;
  /** A new checkout (after a refusal or a failure to open one). */
  again(): void;
  /** Follow the same checkout again after the kiosk stopped waiting. */
  keepWaiting(): void;
} {
  const client = useApiClient();
  const [progress, setProgress] = useState<CheckoutProgress>({ phase: 'opening' });
  const [attempt, setAttempt] = useState(0);
  usePauseIdle(progress.phase === 'opening' || progress.phase === 'waiting');

  const { liquidationId, recoveryCode } = liquidation;
  useEffect(() => {
    let live = true;
    void client.call('wallet.checkout', { liquidationId, recoveryCode }).then((result) => {
      if (!live) return;
      setProgress(
        result.ok
          ? { phase: 'waiting', checkout: result.value, status: 'CREATED' }
          : { phase: 'failed', error: walletProblem(result.error) },
      );
    });
    return () => {
      live = false;
    };
  }, [client, liquidationId, recoveryCode, attempt]);

  const followed = progress.phase === 'waiting' ? progress.checkout : null;
  useEffect(() => {
    if (followed === null) return undefined;
    let live = true;
    let timer: number | undefined;
    const startedAt = Date.now();
    const follow = async (): Promise<void> => {
      const result = await client.call('wallet.checkoutState', { reference: followed.reference });
      if (!live) return;
      if (result.ok) {
        const { status, liquidationState } = result.value;
        if (status === 'APPROVED' || liquidationState === 'pagada') return setProgress({ phase: 'approved' });
        if (refused.has(status)) return setProgress({ phase: 'declined', status });
        setProgress((current) =>
          current.phase === 'waiting' && current.status === status
            ? current
            : { phase: 'waiting', checkout: followed, status },
        );
      }
      // A lost answer (the server away a moment) is asked again: the payment goes on at the gateway.
      if (Date.now() - startedAt > giveUpMs) return setProgress({ phase: 'stalled', checkout: followed });
      timer = window.setTimeout(() => void follow(), pollMs);
    };
    timer = window.setTimeout(() => void follow(), pollMs);
    return () => {
      live = false;
      window.clearTimeout(timer);
    };
  }, [client, followed]);

  const again = useCallback(() => {
    setProgress({ phase: 'opening' });
    setAttempt((n) => n + 1);
  }, []);
  const keepWaiting = useCallback(
    () =>
      setProgress((current) =>
        current.phase === 'stalled' ? { phase: 'waiting', checkout: current.checkout, status: 'PENDING' } : current,
      ),
    [],
  );
  return { progress, again, keepWaiting };
}
