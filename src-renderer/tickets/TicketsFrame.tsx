import type { ReactNode } from 'react';
import { BillsFrame } from '../bills/BillsFrame';
import { StepBackButton } from '../bills/StepBackButton';

/**
 * Every tickets screen: «Soporte» over the step's title, its «Volver» and another way (to the
 * list, to a new ticket) beside «Terminar», where the on-screen keyboard never covers them.
 */
export function TicketsFrame({
  title,
  eyebrow = 'Soporte',
  back,
  action,
  children,
}: {
  readonly title: string;
  readonly eyebrow?: string;
  readonly back?: { readonly label: string; readonly onPress: () => void } | undefined;
  readonly action?: ReactNode;
  readonly children: ReactNode;
}) {
  const nav =
    back === undefined && action === undefined ? undefined : (
      <>
        {action}
        {back !== undefined && <StepBackButton label={back.label} onPress={back.onPress} />}
      </>
    );
  return (
    <BillsFrame eyebrow={eyebrow} title={title} back={nav}>
      {children}
    </BillsFrame>
  );
}
