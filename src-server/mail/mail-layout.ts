import { assertNever } from '../../src-shared/api/result';
import type { EntitySetting } from '../../src-shared/domain/entity-setting';
import { formatNit } from '../../src-shared/domain/nit';
import { escapeHtml } from './html-escape';
import type { RenderedMail } from './mail-messages';

/**
 * The frame every mail shares: the entity's name and NIT on top, the content, then the
 * entity's contact lines and the legal footer. Content is a short list of blocks rendered
 * twice, as HTML and as plain text, so both parts of a mail always say the same thing.
 *
 * The HTML is table-based with inline styles because that is what mail clients render
 * reliably (no <style>, no external resources). Every interpolated value is escaped here, in
 * one place; templates pass plain text only.
 */
export type MailBlock =
  | { readonly kind: 'paragraph'; readonly text: string }
  /** Label–value pairs such as user and password, shown in a box; values in monospace. */
  | { readonly kind: 'fields'; readonly rows: readonly { readonly label: string; readonly value: string }[] }
  /** A sentence the reader must not miss. */
  | { readonly kind: 'notice'; readonly text: string };

export interface MailContent {
  readonly subject: string;
  /** Heading inside the mail. */
  readonly title: string;
  readonly fullName: string;
  readonly blocks: readonly MailBlock[];
}

/** How the entity is named in the header and in sentences when the server has no `entity` row. */
export interface EntityWords {
  /** For the header and subjects. */
  readonly display: string;
  /** For the middle of a sentence: the name, or «la entidad». */
  readonly inSentence: string;
}

export function entityWords(entity: EntitySetting | null): EntityWords {
  return entity === null
    ? { display: 'Ventanilla', inSentence: 'la entidad' }
    : { display: entity.name, inSentence: entity.name };
}

export function layoutMail(content: MailContent, entity: EntitySetting | null): RenderedMail {
  const footer = footerParagraphs(entity);
  const subject = content.subject.replace(/\s+/g, ' ').trim();
  return { subject, html: htmlMail(subject, content, entity, footer), text: textMail(content, entity, footer) };
}

/** Contact lines, then: automatic mail, Ley 1581 notice, "if you did not ask for this". */
function footerParagraphs(entity: EntitySetting | null): { contact: string[]; legal: string[] } {
  const contact = entity === null ? [] : [entity.address, entity.phone, entity.website].filter((line) => line !== '');
  const responsible =
    entity === null ? 'La entidad que presta el servicio' : `${entity.name}, NIT ${formatNit(entity.nit)},`;
  const channels =
    contact.length === 0
      ? 'por los canales de atención de la entidad.'
      : `por los canales de atención de la entidad: ${contact.join('; ')}.`;
  return {
    contact,
    legal: [
      'Este es un mensaje automático: por favor no lo responda, porque esta dirección no recibe correos.',
      `Tratamiento de datos personales (Ley 1581 de 2012): ${responsible} es responsable del tratamiento de los datos ` +
        'personales que usted registró y los usa para administrar su cuenta y atender los servicios que solicita. ' +
        'Como titular, usted tiene derecho a conocer, actualizar y rectificar sus datos, a pedir prueba de la ' +
        'autorización que otorgó, a ser informado sobre el uso que se les da, a revocar la autorización o pedir su ' +
        'supresión cuando proceda y a presentar quejas ante la Superintendencia de Industria y Comercio. Para ' +
        `ejercer estos derechos, presente su consulta o reclamo ${channels}`,
      'Si usted no solicitó esto, ignore este mensaje y comuníquese con la entidad.',
    ],
  };
}

function htmlMail(
  subject: string,
  content: MailContent,
  entity: EntitySetting | null,
  footer: { contact: string[]; legal: string[] },
): string {
  const e = escapeHtml;
  const nitLine =
    entity === null ? '' : `<div style="font-size:13px;opacity:0.9;">NIT ${e(formatNit(entity.nit))}</div>`;
  const blocks = content.blocks.map(htmlBlock).join('\n');
  const contact = footer.contact.map((line) => `<div>${e(line)}</div>`).join('');
  const legal = footer.legal.map((p) => `<p style="margin:8px 0 0;">${e(p)}</p>`).join('');
  return `<!doctype html>
<html lang="es-CO">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${e(subject)}</title></head>
<body style="margin:0;padding:0;background:#f1f4f7;">
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" style="background:#f1f4f7;">
<tr><td align="center" style="padding:24px 12px;">
<table role="presentation" width="600" cellpadding="0" cellspacing="0" border="0" style="width:100%;max-width:600px;background:#ffffff;border-radius:8px;font-family:Arial,Helvetica,sans-serif;color:#1f2933;">
<tr><td style="background:#0b4f6c;color:#ffffff;padding:20px 24px;border-radius:8px 8px 0 0;">
<div style="font-size:20px;font-weight:bold;">${e(entityWords(entity).display)}</div>${nitLine}
</td></tr>
<tr><td style="padding:24px;font-size:16px;line-height:1.5;">
<h1 style="font-size:20px;margin:0 0 16px;">${e(content.title)}</h1>
<p style="margin:0 0 16px;">Hola, ${e(content.fullName)}:</p>
${blocks}
</td></tr>
<tr><td style="padding:16px 24px 24px;border-top:1px solid #e4e7eb;font-size:12px;line-height:1.5;color:#52606d;">
${entity === null ? '' : `<div style="font-weight:bold;">${e(entity.name)} · NIT ${e(formatNit(entity.nit))}</div>`}${contact}${legal}
</td></tr>
</table>
</td></tr>
</table>
</body>
</html>
`;
}

function htmlBlock(block: MailBlock): string {
  const e = escapeHtml;
  switch (block.kind) {
    case 'paragraph':
      return `<p style="margin:0 0 16px;">${e(block.text)}</p>`;
    case 'notice':
      return `<p style="margin:0 0 16px;padding:12px 16px;background:#fff8e1;border-left:4px solid #f0b400;">${e(block.text)}</p>`;
    case 'fields': {
      const rows = block.rows
        .map(
          (row) =>
            `<tr><td style="padding:6px 12px 6px 0;color:#52606d;">${e(row.label)}</td>` +
            `<td style="padding:6px 0;font-family:'Courier New',Courier,monospace;font-size:18px;font-weight:bold;letter-spacing:1px;">${e(row.value)}</td></tr>`,
        )
        .join('');
      return `<table role="presentation" cellpadding="0" cellspacing="0" border="0" style="margin:0 0 16px;padding:12px 16px;background:#f1f4f7;border-radius:6px;">${rows}</table>`;
    }
    default:
      return assertNever(block);
  }
}

function textMail(
  content: MailContent,
  entity: EntitySetting | null,
  footer: { contact: string[]; legal: string[] },
): string {
  const header = entity === null ? [entityWords(entity).display] : [entity.name, `NIT ${formatNit(entity.nit)}`];
  const blocks = content.blocks.map((block) => {
    switch (block.kind) {
      case 'paragraph':
        return block.text;
      case 'notice':
        return `IMPORTANTE: ${block.text}`;
      case 'fields':
        return block.rows.map((row) => `    ${row.label}: ${row.value}`).join('\n');
      default:
        return assertNever(block);
    }
  });
  return (
    [
      header.join('\n'),
      content.title,
      `Hola, ${content.fullName}:`,
      ...blocks,
      ['--', ...(entity === null ? [] : [`${entity.name} · NIT ${formatNit(entity.nit)}`]), ...footer.contact].join(
        '\n',
      ),
      ...footer.legal,
    ].join('\n\n') + '\n'
  );
}
