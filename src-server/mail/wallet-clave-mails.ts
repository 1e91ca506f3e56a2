import { formatBogotaDay, formatBogotaTime } from '../../src-shared/domain/bogota-time';
import { assertNever } from '../../src-shared/api/result';
import type { EntityWords, MailContent } from './mail-layout';

/**
 * The mails about a prepaid wallet's clave (docs/wallet-citizen-api.md), apart from the soporte
 * del pago: members of MailMessage (mail-messages.ts) whose words are written here. The clave
 * itself travels only in `wallet-new-clave`, never stored anywhere but the queued mail.
 */
export type WalletClaveMail =
  /** Wrong claves in a row for the holder's identification reached the configured count. */
  | {
      readonly kind: 'wallet-clave-failures';
      readonly to: string;
      readonly fullName: string;
      readonly failures: number;
      readonly at: Date;
    }
  /** «Solicitar una clave nueva»: the single-use link (30 minutes) that issues one. */
  | {
      readonly kind: 'wallet-clave-link';
      readonly to: string;
      readonly fullName: string;
      readonly url: string;
      readonly validMinutes: number;
    }
  /** The link was used: the new clave the system made. The previous one no longer works. */
  | { readonly kind: 'wallet-new-clave'; readonly to: string; readonly fullName: string; readonly clave: string }
  /** Sent to the previous address when the wallet's contact data changed with the clave. */
  | {
      readonly kind: 'wallet-contact-changed';
      readonly to: string;
      readonly fullName: string;
      readonly at: Date;
      readonly emailChanged: boolean;
    };

export type WalletClaveMailKind = WalletClaveMail['kind'];

export const walletClaveMailKinds: readonly WalletClaveMailKind[] = [
  'wallet-clave-failures',
  'wallet-clave-link',
  'wallet-new-clave',
  'wallet-contact-changed',
];

const suffixOf = (names: EntityWords, hasEntity: boolean): string => (hasEntity ? ` — ${names.display}` : '');

export function walletClaveMailContent(message: WalletClaveMail, names: EntityWords, hasEntity: boolean): MailContent {
  const suffix = suffixOf(names, hasEntity);
  switch (message.kind) {
    case 'wallet-clave-failures':
      return {
        subject: `Intentos fallidos con la clave de su prepago${suffix}`,
        title: 'Intentos fallidos con la clave de su prepago',
        fullName: message.fullName,
        blocks: [
          {
            kind: 'paragraph',
            text:
              `Hasta el ${formatBogotaDay(message.at)} a las ${formatBogotaTime(message.at)} (hora de Colombia) ` +
              `se escribió ${message.failures} veces seguidas una clave equivocada para su prepago de servicios en ${names.inSentence}. ` +
              'Por seguridad, los intentos siguientes deben esperar cada vez más.',
          },
          { kind: 'paragraph', text: 'Si fue usted y no recuerda la clave, solicite una clave nueva en el kiosco.' },
          {
            kind: 'notice',
            text: 'Si no fue usted, alguien pudo intentar usar su prepago: solicite una clave nueva y comuníquese con la entidad.',
          },
        ],
      };
    case 'wallet-clave-link':
      return {
        subject: `Cree una clave nueva para su prepago${suffix}`,
        title: 'Clave nueva para su prepago',
        fullName: message.fullName,
        blocks: [
          {
            kind: 'paragraph',
            text: `Recibimos una solicitud de clave nueva para su prepago de servicios en ${names.inSentence}. Para crearla, abra este enlace y confirme:`,
          },
          { kind: 'paragraph', text: message.url },
          {
            kind: 'notice',
            text: `El enlace sirve una sola vez y durante ${String(message.validMinutes)} minutos. La clave nueva le llegará a este correo; hasta entonces su clave actual sigue funcionando.`,
          },
          { kind: 'paragraph', text: 'Si usted no pidió una clave nueva, ignore este mensaje: su clave no cambia.' },
        ],
      };
    case 'wallet-new-clave':
      return {
        subject: `Su clave nueva del prepago${suffix}`,
        title: 'Su clave nueva del prepago',
        fullName: message.fullName,
        blocks: [
          { kind: 'paragraph', text: `Esta es la clave nueva de su prepago de servicios en ${names.inSentence}:` },
          { kind: 'fields', rows: [{ label: 'Clave del prepago', value: message.clave }] },
          {
            kind: 'notice',
            text: 'La clave anterior ya no sirve. Guarde esta en un lugar seguro: se la pediremos para consultar su saldo y para comprar con cargo al prepago.',
          },
          {
            kind: 'paragraph',
            text: `No comparta su clave con nadie: ${names.inSentence} nunca se la pedirá por teléfono, por mensaje ni por correo.`,
          },
        ],
      };
    case 'wallet-contact-changed':
      return {
        subject: `Se cambiaron los datos de su prepago${suffix}`,
        title: 'Se cambiaron los datos de su prepago',
        fullName: message.fullName,
        blocks: [
          {
            kind: 'paragraph',
            text:
              `Le informamos que los datos de contacto de su prepago de servicios en ${names.inSentence} se cambiaron el ` +
              `${formatBogotaDay(message.at)} a las ${formatBogotaTime(message.at)} (hora de Colombia), con la clave del prepago.` +
              (message.emailChanged
                ? ' El correo del prepago es otro desde ahora: los avisos ya no llegarán a esta dirección.'
                : ''),
          },
          { kind: 'paragraph', text: 'Si fue usted, no tiene que hacer nada más.' },
          {
            kind: 'notice',
            text: 'Si usted no hizo este cambio, solicite una clave nueva y comuníquese de inmediato con la entidad.',
          },
        ],
      };
    default:
      return assertNever(message);
  }
}
