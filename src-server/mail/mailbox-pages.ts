import { escapeHtml as e } from './html-escape';
import type { MailboxEntry, MailboxMail } from './mailbox-queries';
import { formatBogotaTimestamp } from '../../src-shared/domain/bogota-time';

/**
 * The local mailbox's two pages: the list and one mail. Plain server-rendered HTML with no
 * script; every value escaped. The mail's own HTML is shown inside a sandboxed iframe
 * (`srcdoc`, no scripts, no same origin), so a mail can neither run code nor read this page.
 */
export const MAILBOX_NOTICE =
  'Buzón local del servidor central — el correo no sale de este equipo porque no hay SMTP_URL configurado';

const stateLabels: Record<string, string> = {
  queued: 'En cola',
  sent: 'Enviado por SMTP',
  mailbox: 'En el buzón local',
  failed: 'Rechazado',
};

/** The links carry the start's token: the pages open only with it (routes/mailbox.ts). */
const withToken = (path: string, token: string): string => `${path}?token=${encodeURIComponent(token)}`;

export function mailboxListPage(entries: readonly MailboxEntry[], token: string): string {
  const rows = entries
    .map(
      (m) =>
        `<tr><td>${e(formatBogotaTimestamp(m.createdAt))}</td><td>${e(m.recipient)}</td>` +
        `<td><a href="${e(withToken(`/mailbox/${m.id}`, token))}">${e(m.subject)}</a></td><td>${e(stateLabel(m.state))}</td></tr>`,
    )
    .join('\n');
  const body =
    entries.length === 0
      ? '<p>Todavía no hay correos.</p>'
      : `<table><thead><tr><th>Fecha (hora de Colombia)</th><th>Destinatario</th><th>Asunto</th><th>Estado</th></tr></thead>
<tbody>
${rows}
</tbody></table>`;
  return page('Correo recibido', `<h1>Buzón local</h1>\n${body}`);
}

export function mailboxMailPage(mail: MailboxMail, token: string): string {
  const error = mail.lastError === null ? '' : `<dt>Último error</dt><dd>${e(mail.lastError)}</dd>`;
  return page(
    mail.subject,
    `<p><a href="${e(withToken('/mailbox', token))}">← Volver al buzón</a></p>
<h1>${e(mail.subject)}</h1>
<dl>
<dt>Fecha</dt><dd>${e(formatBogotaTimestamp(mail.createdAt))} (hora de Colombia)</dd>
<dt>Para</dt><dd>${e(mail.recipient)}</dd>
<dt>Plantilla</dt><dd>${e(mail.template)}</dd>
<dt>Estado</dt><dd>${e(stateLabel(mail.state))} (intentos: ${mail.attempts})</dd>
${error}
</dl>
${attachmentList(mail, token)}<h2>Versión HTML</h2>
<iframe sandbox="" title="Contenido HTML del correo" srcdoc="${e(mail.html)}"></iframe>
<h2>Versión de texto</h2>
<pre>${e(mail.text)}</pre>`,
  );
}

function attachmentList(mail: MailboxMail, token: string): string {
  if (mail.attachments.length === 0) return '';
  const items = mail.attachments
    .map(
      (file, index) =>
        `<li><a href="${e(withToken(`/mailbox/${mail.id}/adjuntos/${index}`, token))}">${e(file.filename)}</a> (${e(file.contentType)})</li>`,
    )
    .join('\n');
  return `<h2>Adjuntos</h2>\n<ul>\n${items}\n</ul>\n`;
}

function stateLabel(state: string): string {
  return stateLabels[state] ?? state;
}

function page(title: string, main: string): string {
  return `<!doctype html>
<html lang="es-CO">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${e(title)} — Buzón local</title>
<style>
body { font-family: system-ui, sans-serif; margin: 0 auto; max-width: 1000px; padding: 16px; color: #1f2933; }
.notice { background: #fff8e1; border-left: 4px solid #f0b400; padding: 8px 12px; }
table { border-collapse: collapse; width: 100%; }
th, td { border-bottom: 1px solid #e4e7eb; padding: 6px 8px; text-align: left; vertical-align: top; }
dt { font-weight: bold; } dd { margin: 0 0 6px; }
iframe { width: 100%; height: 640px; border: 1px solid #e4e7eb; }
pre { white-space: pre-wrap; background: #f1f4f7; padding: 12px; }
</style>
</head>
<body>
<p class="notice">${e(MAILBOX_NOTICE)}</p>
${main}
</body>
</html>
`;
}
