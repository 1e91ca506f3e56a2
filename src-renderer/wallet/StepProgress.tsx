import type { RechargeStep } from './wallet-store';

const steps: readonly { readonly step: RechargeStep; readonly label: string }[] = [
  { step: 'terms', label: 'Términos' },
  { step: 'identify', label: 'Identificación' },
  { step: 'holder', label: 'Datos del cliente' },
  { step: 'amount', label: 'Valor' },
  { step: 'liquidation', label: 'Liquidación y pago' },
];

/** Where the citizen is in «Recargar prepago»: five steps, the current one marked (and announced). */
export function StepProgress({ current }: { readonly current: RechargeStep }) {
  const at = steps.findIndex((entry) => entry.step === current);
  return (
    <ol className="wallet-steps" aria-label={`Paso ${at + 1} de ${steps.length}`}>
      {steps.map((entry, index) => (
        <li
          key={entry.step}
          className={`wallet-steps__step wallet-steps__step--${index < at ? 'done' : index === at ? 'current' : 'next'}`}
          aria-current={index === at ? 'step' : undefined}
        >
          <span className="wallet-steps__number" aria-hidden="true">
            {index + 1}
          </span>
          {entry.label}
        </li>
      ))}
    </ol>
  );
}
