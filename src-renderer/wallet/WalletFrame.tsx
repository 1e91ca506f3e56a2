import type { ReactNode } from 'react';
import { BillsFrame } from '../bills/BillsFrame';
import { StepBackButton } from '../bills/StepBackButton';
import { useWalletStore } from './wallet-store';

/**
 * Every wallet screen: «Prepago de servicios» over the step's title, «Volver al menú» (or the
 * step's own «Volver») beside «Terminar», which ends the visit and forgets everything typed.
 */
export function WalletFrame({
  title,
  back,
  children,
}: {
  readonly title: string;
  /** The step's own way back; «Volver al menú» when absent, nothing on the menu itself. */
  readonly back?: ReactNode | null;
  readonly children: ReactNode;
}) {
  const toMenu = useWalletStore((state) => state.toMenu);
  const nav = back === undefined ? <StepBackButton label="Volver al menú" onPress={() => toMenu()} /> : back;
  return (
    <BillsFrame eyebrow="Prepago de servicios" title={title} back={nav ?? undefined}>
      {children}
    </BillsFrame>
  );
}
