import { formatCop } from '../../src-shared/domain/money';
import type { EntityWords, MailContent } from './mail-layout';

/**
 * The mail a citizen gets when a certificate bought from the prepaid wallet did not come out of
 * the dispenser and its price went back to the wallet (docs/certificates.md). A member of
 * MailMessage (mail-messages.ts).
 */
export interface CertificateRefundedMail {
  readonly kind: 'certificate-refunded';
  readonly to: string;
  readonly fullName: string;
  readonly title: string;
  readonly receiptNumber: number;
  readonly amount: number;
  /** Why, in the kiosk's words (the dispenser stopped, staff decided). */
  readonly reason: string;
}

export function certificateRefundedMailContent(
  message: CertificateRefundedMail,
  names: EntityWords,
  suffix: string,
): MailContent {
  return {
    subject: `Le devolvimos ${formatCop(message.amount)} a su prepago${suffix}`,
    title: 'Devolución a su prepago',
    fullName: message.fullName,
    blocks: [
      {
        kind: 'paragraph',
        text: `El «${message.title}» que compró con su prepago de servicios en ${names.inSentence} (recibo No. ${String(message.receiptNumber)}) no se entregó: ${message.reason}`,
      },
      {
        kind: 'paragraph',
        text: `Devolvimos ${formatCop(message.amount)} a su prepago. Puede usar ese saldo en otra compra cuando quiera; el código de verificación de ese certificado no tiene validez.`,
      },
    ],
  };
}
