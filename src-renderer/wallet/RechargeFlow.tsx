import { assertNever } from '../../src-shared/api/result';
import { AmountStep } from './AmountStep';
import { HolderStep } from './HolderStep';
import { IdentifyStep } from './IdentifyStep';
import { LiquidationPanel } from './LiquidationPanel';
import { StepProgress } from './StepProgress';
import { TermsStep } from './TermsStep';
import { useWalletStore, type RechargeStep } from './wallet-store';
import { WalletFrame } from './WalletFrame';

const titles: Record<RechargeStep, string> = {
  terms: 'Términos y condiciones',
  identify: 'Recargar prepago',
  holder: 'Recargar prepago',
  amount: 'Recargar prepago',
  liquidation: 'Pago electrónico',
};

/** «Recargar prepago» (guide 001 §7–11): terms, identification, holder, amount, liquidación and payment. */
export function RechargeFlow() {
  const step = useWalletStore((state) => state.step);
  const liquidation = useWalletStore((state) => state.liquidation);
  return (
    // A new step is a new screen: its title is announced and it starts at its top.
    <WalletFrame key={step} title={titles[step]}>
      <StepProgress current={step} />
      <RechargeStepView step={step} />
      {step === 'liquidation' && liquidation !== null && <LiquidationPanel liquidation={liquidation} />}
    </WalletFrame>
  );
}

function RechargeStepView({ step }: { readonly step: RechargeStep }) {
  switch (step) {
    case 'terms':
      return <TermsStep />;
    case 'identify':
      return <IdentifyStep />;
    case 'holder':
      return <HolderStep />;
    case 'amount':
      return <AmountStep />;
    case 'liquidation':
      return null;
    default:
      return assertNever(step);
  }
}
