import { useState, type FormEvent } from 'react';
import type { OpOutput } from '../../src-shared/api/contract';
import { LiquidationFound } from './LiquidationFound';
import { LookupCard } from './LookupCard';
import { RechargeDone } from './RechargeDone';
import { RechargeForm } from './RechargeForm';
import { useCashierCall } from './useCashierCall';
import { useCounterKeys } from './useCounterKeys';
import { useLookupField } from './useLookupField';

type Found = OpOutput<'cashier.findLiquidation'>;
type Taken = OpOutput<'cashier.takeRecharge'>;

/**
 * «Recarga de prepago» (F3 from the bills' counter, docs/counter-recharge.md), keyboard only:
 * scan the volante or type the liquidación number or recovery code (Enter), check the holder
 * and the state the central server gives — or, offline, what the volante says — take the money
 * as for a bill. F3 goes back to the bills; F4, F8, F10 and F12 as on the counter; Esc starts over.
 */
export function RechargeScreen() {
  const call = useCashierCall();
  const [found, setFound] = useState<Found | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [taken, setTaken] = useState<Taken | null>(null);
  const [searching, setSearching] = useState(false);
  const [lookups, setLookups] = useState(0);
  const field = useLookupField(found === null && taken === null);
  const query = field.query;

  const reset = () => {
    field.clear();
    setFound(null);
    setProblem(null);
    setTaken(null);
  };

  const find = async (event?: FormEvent) => {
    event?.preventDefault();
    if (query.trim() === '')
      return setProblem('Escanee el código de barras del volante o digite el número de liquidación.');
    setSearching(true);
    const result = await call('cashier.findLiquidation', { query });
    setSearching(false);
    if (!result.ok) {
      setFound(null);
      return setProblem(result.error.message);
    }
    setProblem(null);
    setFound(result.value);
    setLookups((n) => n + 1);
  };

  const notice = useCounterKeys('counter', reset);

  if (taken !== null) return <RechargeDone taken={taken} onNext={reset} />;

  return (
    <div className="cashier-counter">
      <h1 className="cashier-mode">Recarga de prepago</h1>
      <LookupCard
        name="Buscar liquidación"
        label="Escanee el código de barras del volante o digite el número de liquidación o el código de recuperación"
        hint="Enter: buscar · Esc: nueva recarga · F3: cobro de facturas · F4: pagos de la caja · F8: informe X · F10: cerrar caja · F12: salir"
        hintId="recharge-hint"
        field={field}
        onFind={(event) => void find(event)}
        busy={searching ? 'Consultando la liquidación…' : null}
        notice={notice}
        problem={problem}
      />
      {found !== null && (
        <div className="cashier-counter__work">
          <LiquidationFound found={found} />
          <RechargeForm key={`${lookups}-${found.number}`} found={found} onTaken={setTaken} />
        </div>
      )}
    </div>
  );
}
