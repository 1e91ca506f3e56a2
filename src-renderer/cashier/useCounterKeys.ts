import { useMemo, useState } from 'react';
import { useCashierStore, type CashierScreen } from './cashier-store';
import { useCashierCall } from './useCashierCall';
import { useFunctionKeys } from './useFunctionKeys';

/**
 * The keys the counter's two «cobro» screens share (bills, CounterScreen; prepaid recharges,
 * RechargeScreen): F3 goes to the other one, F4 lists the session's payments, F8 prints the X
 * report, F10 closes, F12 signs out, Esc starts over. Gives the X report's line for the screen.
 */
export function useCounterKeys(f3: CashierScreen, startOver: () => void): string | null {
  const call = useCashierCall();
  const show = useCashierStore((state) => state.show);
  const signedOut = useCashierStore((state) => state.signedOut);
  const [notice, setNotice] = useState<string | null>(null);

  const xReport = async () => {
    const result = await call('cashier.xReport', {});
    setNotice(result.ok ? (result.value.printerProblem ?? 'Informe X enviado a la impresora.') : result.error.message);
  };

  const keys = useMemo(
    () => ({
      F3: () => show(f3),
      F4: () => show('payments'),
      F8: () => void xReport(),
      F10: () => show('close'),
      F12: () => {
        void call('cashier.signOut', {});
        signedOut();
      },
      Escape: startOver,
    }),
    // eslint-disable-next-line react-hooks/exhaustive-deps -- xReport and startOver use stable setters and the call of this session
    [call, show, signedOut, f3],
  );
  useFunctionKeys(keys);
  return notice;
}
