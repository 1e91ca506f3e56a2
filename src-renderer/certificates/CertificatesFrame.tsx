import type { ReactNode } from 'react';
import { BillsFrame } from '../bills/BillsFrame';
import { StepBackButton } from '../bills/StepBackButton';

/** Every certificates screen: «Certificados» over the step's title, its «Volver» beside «Terminar». */
export function CertificatesFrame({
  title,
  back,
  children,
}: {
  readonly title: string;
  /** Where «Volver» goes; none on the first and last steps. */
  readonly back?: { readonly label: string; readonly onPress: () => void } | undefined;
  readonly children: ReactNode;
}) {
  return (
    <BillsFrame
      eyebrow="Certificados"
      title={title}
      back={back === undefined ? undefined : <StepBackButton label={back.label} onPress={back.onPress} />}
    >
      {children}
    </BillsFrame>
  );
}
