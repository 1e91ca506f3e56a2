import { assertNever } from '../../src-shared/api/result';
import type { EntitySetting } from '../../src-shared/domain/entity-setting';
import { entityWords, layoutMail, type MailContent } from './mail-layout';
import type { MailMessage, RenderedMail } from './mail-messages';
import { certificateRefundedMailContent } from './certificate-mails';
import { ticketMailContent } from './ticket-mails';
import { walletClaveMailContent } from './wallet-clave-mails';
import { paymentSupportMail } from './wallet-mail-templates';
import { formatBogotaDay, formatBogotaTime } from '../../src-shared/domain/bogota-time';

/**
 * The Spanish (es-CO) words of each mail. Pure: the same message and entity always give the
 * same mail, so the outbox stores exactly what was rendered when the change happened.
 * Escaping and the legal footer belong to the layout (mail-layout.ts).
 */
export function renderMail(message: MailMessage, entity: EntitySetting | null): RenderedMail {
  return layoutMail(mailContent(message, entity), entity);
}

function mailContent(message: MailMessage, entity: EntitySetting | null): MailContent {
  const names = entityWords(entity);
  const suffix = entity === null ? '' : ` — ${names.display}`;
  switch (message.kind) {
    case 'certificate-refunded':
      return certificateRefundedMailContent(message, names, suffix);
    case 'ticket-code':
    case 'ticket-created':
    case 'ticket-message':
    case 'ticket-solution':
    case 'ticket-reopened':
    case 'ticket-resolved':
      return ticketMailContent(message, names, suffix);
    case 'wallet-clave-failures':
    case 'wallet-clave-link':
    case 'wallet-new-clave':
    case 'wallet-contact-changed':
      return walletClaveMailContent(message, names, entity !== null);
    case 'account-welcome':
      return {
        subject: `Sus datos de acceso${suffix}`,
        title: 'Sus datos de acceso',
        fullName: message.fullName,
        blocks: [
          {
            kind: 'paragraph',
            text: `Su cuenta de usuario en ${names.inSentence} quedó creada. Estos son sus datos de acceso:`,
          },
          {
            kind: 'fields',
            rows: [
              { label: 'Usuario (su número de documento)', value: message.document },
              { label: 'Contraseña inicial', value: message.password },
            ],
          },
          {
            kind: 'notice',
            text: 'La primera vez que ingrese, el sistema le pedirá cambiar esta contraseña por una nueva que solo usted conozca.',
          },
          {
            kind: 'paragraph',
            text: `No comparta su contraseña con nadie: ${names.inSentence} nunca se la pedirá por teléfono, por mensaje ni por correo.`,
          },
        ],
      };
    case 'account-exists':
      return {
        subject: `Ya tiene una cuenta${suffix}`,
        title: 'Ya tiene una cuenta',
        fullName: message.fullName,
        blocks: [
          {
            kind: 'paragraph',
            text:
              `Alguien intentó crear una cuenta nueva en ${names.inSentence} con su número de documento o con este correo, ` +
              'pero usted ya tiene una cuenta. No se creó ninguna cuenta nueva y la suya sigue igual.',
          },
          {
            kind: 'paragraph',
            text: 'Su usuario es su número de documento. Si no recuerda su contraseña, use «Recuperar contraseña» en la pantalla de ingreso.',
          },
          { kind: 'notice', text: 'Si cree que alguien está usando sus datos, comuníquese con la entidad.' },
        ],
      };
    case 'account-reset':
      return {
        subject: `Su contraseña temporal${suffix}`,
        title: 'Recuperación de contraseña',
        fullName: message.fullName,
        blocks: [
          {
            kind: 'paragraph',
            text: 'Recibimos una solicitud para recuperar el acceso a su cuenta. Ingrese con esta contraseña temporal:',
          },
          { kind: 'fields', rows: [{ label: 'Contraseña temporal', value: message.password }] },
          {
            kind: 'notice',
            text:
              `Es válida durante ${minutes(message.validMinutes)} y sirve una sola vez. ` +
              'Al ingresar con ella, el sistema le pedirá elegir una contraseña nueva.',
          },
          {
            kind: 'paragraph',
            text: 'Por seguridad, nunca enviamos su contraseña anterior: se guarda de forma que nadie pueda leerla.',
          },
        ],
      };
    case 'email-change-code':
      return {
        subject: `Confirme su nuevo correo${suffix}`,
        title: 'Confirme su nuevo correo',
        fullName: message.fullName,
        blocks: [
          {
            kind: 'paragraph',
            text: `Pidió usar este correo en su cuenta de ${names.inSentence}. Para confirmarlo, escriba este código en «Modificar usuario»:`,
          },
          { kind: 'fields', rows: [{ label: 'Código de confirmación', value: message.code }] },
          {
            kind: 'notice',
            text: `Es válido durante ${minutes(message.validMinutes)}. Hasta que lo escriba, su cuenta sigue con el correo anterior.`,
          },
        ],
      };
    case 'email-in-use':
      return {
        subject: `Alguien intentó usar su correo${suffix}`,
        title: 'Alguien intentó usar su correo',
        fullName: message.fullName,
        blocks: [
          {
            kind: 'paragraph',
            text: `Alguien pidió cambiar el correo de otra cuenta de ${names.inSentence} a esta dirección, que ya es la de su cuenta. No se hizo ningún cambio y su cuenta sigue igual.`,
          },
          { kind: 'notice', text: 'Si cree que alguien está usando sus datos, comuníquese con la entidad.' },
        ],
      };
    case 'email-changed':
      return {
        subject: `Se cambió el correo de su cuenta${suffix}`,
        title: 'Se cambió su correo electrónico',
        fullName: message.fullName,
        blocks: [
          {
            kind: 'paragraph',
            text:
              `Le informamos que el correo electrónico de su cuenta en ${names.inSentence} se cambió el ` +
              `${formatBogotaDay(message.at)} a las ${formatBogotaTime(message.at)} (hora de Colombia), a ${maskEmail(message.newEmail)}. ` +
              'Desde ahora los avisos de la cuenta llegan allí.',
          },
          { kind: 'paragraph', text: 'Si fue usted, no tiene que hacer nada más.' },
          {
            kind: 'notice',
            text: 'Si usted no hizo este cambio, comuníquese de inmediato con la entidad para proteger su cuenta.',
          },
        ],
      };
    case 'password-changed':
      return {
        subject: `Se cambió la contraseña de su cuenta${suffix}`,
        title: 'Se cambió su contraseña',
        fullName: message.fullName,
        blocks: [
          {
            kind: 'paragraph',
            text:
              `Le informamos que la contraseña de su cuenta en ${names.inSentence} se cambió el ` +
              `${formatBogotaDay(message.at)} a las ${formatBogotaTime(message.at)} (hora de Colombia).`,
          },
          { kind: 'paragraph', text: 'Si fue usted, no tiene que hacer nada más.' },
          {
            kind: 'notice',
            text: 'Si usted no hizo este cambio, comuníquese de inmediato con la entidad para proteger su cuenta.',
          },
        ],
      };
    case 'wallet-payment-support':
      return paymentSupportMail(message, names, suffix);
    default:
      return assertNever(message);
  }
}

/** `an•••@correo.co`: enough for the owner to recognise the address, not to learn it. */
function maskEmail(email: string): string {
  const [local = '', domain = ''] = email.split('@');
  return `${local.slice(0, 2)}•••@${domain}`;
}

function minutes(count: number): string {
  return count === 1 ? '1 minuto' : `${count} minutos`;
}
