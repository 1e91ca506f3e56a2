import type { ReactNode } from 'react';
import { BillsFrame } from '../bills/BillsFrame';
import { StepBackButton } from '../bills/StepBackButton';

/**
 * Every certificates screen: «Certificados» over the step's title, its «Volver» beside
 * «Terminar», and on the first step another way in beside them, where the on-screen keyboard
 * never covers it.
 */
export function CertificatesFrame({
  title,
  back,
  action,
  children,
}: {
  readonly title: string;
  /** Where «Volver» goes; none on the first and last steps. */
  readonly back?: { readonly label: string; readonly onPress: () => void } | undefined;
  /** A button beside «Terminar» («Volver a entregar un certificado» on the search). */
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
    <BillsFrame eyebrow="Certificados" title={title} back={nav}>
      {children}
    </BillsFrame>
  );
}
