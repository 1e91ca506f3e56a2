import { formatCop, parseCop } from '../../src-shared/domain/money';
import { ProblemLine } from '../accounts/ProblemLine';
import { NumericKeypad } from '../touch-input/NumericKeypad';
import { TouchField } from '../touch-input/TouchField';
import { Button } from '../ui/Button';
import { useWalletCall } from './useWalletCall';
import { useWalletStore } from './wallet-store';

/** Round amounts a citizen picks with one touch, when they fall within the configured limits. */
const quickAmounts = [20_000, 50_000, 100_000, 200_000, 500_000] as const;

/**
 * «Cargar ($)» (guide 001 §9): the amount, within the configured minimum and maximum, then the
 * liquidación is made on the central server (one touch makes one: the button waits for it).
 */
export function AmountStep() {
  const start = useWalletStore((state) => state.start);
  const holder = useWalletStore((state) => state.holder);
  const amount = useWalletStore((state) => state.amount);
  const amountTyped = useWalletStore((state) => state.amountTyped);
  const showLiquidation = useWalletStore((state) => state.showLiquidation);
  const toStep = useWalletStore((state) => state.toStep);
  const { busy, problem, setProblem, run } = useWalletCall();
  if (start === null) return null;
  const { minAmount, maxAmount } = start;
  const pesos = parseCop(amount);
  const limits = `El valor a cargar va de ${formatCop(minAmount)} a ${formatCop(maxAmount)}.`;

  const type = (digits: string) => {
    amountTyped(digits.replace(/^0+/, ''));
    setProblem(null);
  };

  const submit = async () => {
    if (pesos === null || pesos < minAmount || pesos > maxAmount) {
      setProblem({
        code: 'validation',
        message: pesos === null ? `Escriba el valor a cargar. ${limits}` : `${limits} Corrija el valor.`,
        field: 'amount',
      });
      return;
    }
    const liquidation = await run('wallet.createLiquidation', {
      acceptanceId: start.acceptanceId,
      amount: pesos,
      ...(start.known || holder === null ? {} : { holder }),
    });
    if (liquidation !== null) showLiquidation(liquidation);
  };

  return (
    <section className="bills-card" aria-labelledby="wallet-amount-title">
      <h2 id="wallet-amount-title" className="wallet-section-title">
        ¿Cuánto desea cargar?
      </h2>
      <p className="bills-lead">{limits} El saldo no tiene vencimiento.</p>
      <div className="wallet-amount">
        <div className="wallet-amount__entry">
          <TouchField
            label="Cargar ($)"
            hint="Solo números, sin puntos."
            kind="digits"
            value={amount}
            onChange={type}
            active
            maxLength={10}
          />
          <p className="wallet-amount__words" aria-live="polite">
            {pesos === null ? 'Escriba el valor o toque uno de abajo.' : `Va a cargar ${formatCop(pesos)}`}
          </p>
          <div className="wallet-amount__quick" role="group" aria-label="Valores frecuentes">
            {quickAmounts
              .filter((value) => value >= minAmount && value <= maxAmount)
              .map((value) => (
                <Button key={value} variant="secondary" onClick={() => type(String(value))}>
                  {formatCop(value)}
                </Button>
              ))}
          </div>
          {/* Beside the keypad, so the problem and the button stay on the screen. */}
          <ProblemLine problem={problem} />
          <div className="account-actions">
            <Button size="large" disabled={busy} onClick={() => void submit()}>
              {busy ? 'Generando la liquidación…' : 'Generar liquidación'}
            </Button>
            <Button variant="secondary" disabled={busy} onClick={() => toStep('holder')}>
              Volver
            </Button>
          </div>
        </div>
        <NumericKeypad value={amount} onChange={type} maxLength={10} label="Teclado numérico del valor" />
      </div>
    </section>
  );
}
