import { formatBogotaDay, formatBogotaTime } from '../../src-shared/domain/bogota-time';
import { formatCop } from '../../src-shared/domain/money';
import type { EntityWords, MailBlock, MailContent } from './mail-layout';
import type { MailMessage } from './mail-messages';

/**
 * The words of the prepaid wallet's mails (guide 001: «Tan pronto se confirme el pago por usted
 * realizado, le enviaremos a su correo electrónico el soporte del pago con una clave de
 * acceso…»). Pure, like mail-templates.ts, which dispatches here.
 */
export function paymentSupportMail(
  message: Extract<MailMessage, { kind: 'wallet-payment-support' }>,
  names: EntityWords,
  suffix: string,
): MailContent {
  const when = `el ${formatBogotaDay(message.paidAt)} a las ${formatBogotaTime(message.paidAt)} (hora de Colombia)`;
  const blocks: MailBlock[] = [
    {
      kind: 'paragraph',
      text:
        `Recibimos su pago de ${formatCop(message.amount)} para la liquidación ${message.liquidationNumber} ${when} ` +
        `y lo abonamos a su prepago de servicios en ${names.inSentence}. Adjuntamos el soporte del pago ` +
        `(recibo de caja Nro. ${message.receiptNumber}).`,
    },
    {
      kind: 'fields',
      rows: [
        { label: 'Valor pagado', value: formatCop(message.amount) },
        { label: 'Saldo de su prepago', value: formatCop(message.newBalance) },
      ],
    },
  ];
  if (message.clave !== null) {
    blocks.push(
      {
        kind: 'paragraph',
        text:
          'Esta es la clave de acceso de su prepago. Se la pediremos, con su identificación, para consultar su saldo, ' +
          'modificar sus datos o hacer una compra con cargo al prepago:',
      },
      { kind: 'fields', rows: [{ label: 'Clave del prepago', value: message.clave }] },
      {
        kind: 'notice',
        text:
          `Por favor guarde la clave en un lugar seguro y no la comparta con nadie: ${names.inSentence} nunca se la ` +
          'pedirá por teléfono, por mensaje ni por correo. Si la olvida, solicite una clave nueva en un kiosco.',
      },
    );
  } else {
    blocks.push({
      kind: 'paragraph',
      text:
        'Para usar su saldo, escriba su identificación y la clave que le enviamos con su primer pago. ' +
        'Si no la recuerda, solicite una clave nueva en un kiosco.',
    });
  }
  blocks.push({ kind: 'paragraph', text: 'El valor prepagado no tiene vencimiento: podrá usarlo cuando lo necesite.' });
  return {
    subject: `Soporte de su pago, liquidación ${message.liquidationNumber}${suffix}`,
    title: message.clave === null ? 'Soporte del pago de su prepago' : 'Soporte del pago y clave de su prepago',
    fullName: message.fullName,
    blocks,
  };
}
