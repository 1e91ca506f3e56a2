import type { CertificateRefundedMail } from './certificate-mails';
import type { TicketMail } from './ticket-mails';
import type { WalletClaveMail } from './wallet-clave-mails';

/**
 * The mails the central server sends, as data: what happened and to whom. Callers (accounts
 * registration, recovery, password change) queue one of these with `enqueueMail` in the same
 * transaction as the change it tells about; `renderMail` turns it into Spanish HTML and text.
 */
export type MailMessage =
  /** Support tickets: the code, the confirmation, messages, the solution, reopened, resolved (ticket-mails.ts). */
  | TicketMail
  /** A certificate bought from the wallet did not come out of the dispenser: its price went back. */
  | CertificateRefundedMail
  /** A prepaid wallet's clave: failures, a new one asked for and issued, contact changed (wallet-clave-mails.ts). */
  | WalletClaveMail
  /** A new account: the user is the document number and the password one the system made. */
  | {
      readonly kind: 'account-welcome';
      readonly to: string;
      readonly fullName: string;
      /** As the citizen reads it, e.g. `CC 1.020.304.050`. */
      readonly document: string;
      /** The initial password; the citizen must change it at first login. */
      readonly password: string;
    }
  /**
   * Someone registered with the document or email of an existing account: its owner is told
   * by mail, while the screen answers as for a new account (it never says who is registered).
   */
  | { readonly kind: 'account-exists'; readonly to: string; readonly fullName: string }
  /** "Recuperar contraseña": a temporary, single-use password. Never the stored one. */
  | {
      readonly kind: 'account-reset';
      readonly to: string;
      readonly fullName: string;
      readonly password: string;
      readonly validMinutes: number;
    }
  /** «Modificar usuario» with a new email: the code that confirms the address is the citizen's. */
  | {
      readonly kind: 'email-change-code';
      readonly to: string;
      readonly fullName: string;
      readonly code: string;
      readonly validMinutes: number;
    }
  /**
   * Someone asked to move another account to this address, which already has its own: its
   * owner is told, while the other citizen's screen waits for a code that never comes.
   */
  | { readonly kind: 'email-in-use'; readonly to: string; readonly fullName: string }
  /**
   * Sent to the account's previous address when its email changed: whoever reads the old box
   * learns of it, and a citizen who did not make the change can react.
   */
  | {
      readonly kind: 'email-changed';
      readonly to: string;
      readonly fullName: string;
      readonly newEmail: string;
      readonly at: Date;
    }
  /** Notice after a password change, so a citizen who did not make it can react. */
  | { readonly kind: 'password-changed'; readonly to: string; readonly fullName: string; readonly at: Date }
  /**
   * A prepaid recharge was confirmed: the soporte del pago (recibo de caja PDF) attached, and on
   * the holder's first payment the clave the system made (src-server/wallet/mailer/).
   */
  | {
      readonly kind: 'wallet-payment-support';
      readonly to: string;
      readonly fullName: string;
      readonly liquidationNumber: number;
      readonly amount: number;
      readonly newBalance: number;
      readonly paidAt: Date;
      readonly receiptNumber: string;
      /** Only on the first payment of the holder; never stored anywhere but the queued mail's body. */
      readonly clave: string | null;
      readonly attachments: readonly MailAttachment[];
    };

export type MailKind = MailMessage['kind'];

/** A file sent with a mail (mail_outbox.attachments): a soporte del pago's PDF. */
export interface MailAttachment {
  readonly filename: string;
  readonly contentType: string;
  /** The file's bytes, base64. */
  readonly base64: string;
}

/** The files a message carries; most carry none. */
export function mailAttachments(message: MailMessage): readonly MailAttachment[] {
  return 'attachments' in message ? message.attachments : [];
}

/** A rendered mail, ready to be stored in the outbox. */
export interface RenderedMail {
  readonly subject: string;
  readonly html: string;
  readonly text: string;
}
