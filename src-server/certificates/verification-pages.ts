import { formatBogotaDay, formatBogotaTime } from '../../src-shared/domain/bogota-time';
import { formatDateEs } from '../../src-shared/domain/calendar-es';
import { escapeHtml } from '../mail/html-escape';

/**
 * The public verification pages (docs/certificates.md): plain HTML, no script, one inline style
 * sheet, every value from the database escaped. Whoever holds a certificate on paper types its
 * code (or scans the QR) and sees what was issued, so a forged or altered copy shows.
 */

/** Nothing loads but the page itself and the PDF it links to; nothing frames it. */
export const verificationPagePolicy =
  "default-src 'none'; style-src 'unsafe-inline'; img-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

export interface VerifiedCertificate {
  readonly code: string;
  readonly title: string;
  readonly businessName: string;
  readonly matriculaNumber: string;
  readonly issuedAt: Date;
  readonly receiptNumber: number;
  readonly lastDay: string;
  readonly chamberName: string;
}

export function verificationFormPage(chamberName: string, problem: string | null = null, typed = ''): string {
  return page(
    'Verificar un certificado',
    `<p>Escriba el código de verificación de 10 caracteres que aparece en la parte de arriba de cada página del certificado de ${escapeHtml(chamberName)}. Las mayúsculas y las minúsculas cuentan.</p>
<form method="get" action="/verificar">
<label for="codigo">Código de verificación</label>
<input id="codigo" name="codigo" value="${escapeHtml(typed)}" autocomplete="off" autocapitalize="off" spellcheck="false" maxlength="20" required${problem === null ? '' : ' aria-invalid="true" aria-describedby="problema"'}>
${problem === null ? '' : `<p id="problema" class="problem" role="alert">${escapeHtml(problem)}</p>`}
<button type="submit">Verificar</button>
</form>`,
  );
}

export function verifiedPage(c: VerifiedCertificate): string {
  return page(
    'Certificado verificado',
    `<p class="ok">Este certificado fue expedido por ${escapeHtml(c.chamberName)} y es auténtico si su papel dice exactamente lo mismo que el documento de abajo.</p>
<dl>
<dt>Certificado</dt><dd>${escapeHtml(c.title)}</dd>
<dt>Nombre o razón social</dt><dd>${escapeHtml(c.businessName)}</dd>
<dt>Matrícula</dt><dd>${escapeHtml(c.matriculaNumber)}</dd>
<dt>Expedido</dt><dd>${formatBogotaDay(c.issuedAt)}, ${formatBogotaTime(c.issuedAt)} (hora de Colombia)</dd>
<dt>Recibo No.</dt><dd>${String(c.receiptNumber)}</dd>
<dt>Código de verificación</dt><dd><code>${escapeHtml(c.code)}</code></dd>
<dt>Se puede verificar hasta</dt><dd>${formatDateEs(c.lastDay)}</dd>
</dl>
<p><a class="button" href="/verificar/${encodeURIComponent(c.code)}/documento">Ver el certificado tal como se expidió (PDF)</a></p>
<p>Compare cada dato del papel con este documento: si algo difiere, el papel fue alterado.</p>`,
  );
}

/** An unknown code, a copy that was never delivered, and one past its window get plain answers. */
export function notVerifiedPage(title: string, text: string): string {
  return page(title, `<p>${escapeHtml(text)}</p><p><a href="/verificar">Verificar otro código</a></p>`);
}

function page(title: string, body: string): string {
  return `<!doctype html>
<html lang="es-CO">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<link rel="icon" href="/consola/icono.svg" type="image/svg+xml">
<title>${escapeHtml(title)}</title>
<style>
body { font-family: sans-serif; font-size: 1.15rem; line-height: 1.5; margin: 2rem auto; max-width: 40rem; padding: 0 1rem; color: #14213a; }
h1 { font-size: 1.6rem; }
label { display: block; font-weight: bold; margin-top: 1rem; }
input { font-size: 1.4rem; padding: .6rem; width: 100%; box-sizing: border-box; letter-spacing: .08em; font-family: monospace; }
button, .button { display: inline-block; margin-top: 1rem; font-size: 1.2rem; padding: .8rem 1.4rem; background: #14213a; color: #fff; border: 0; border-radius: .4rem; text-decoration: none; min-height: 48px; }
.problem { color: #9b1c1c; font-weight: bold; }
.ok { border-left: .4rem solid #1f7a3a; padding-left: .8rem; }
dt { font-weight: bold; margin-top: .6rem; }
dd { margin: 0; }
</style>
</head>
<body>
<h1>${escapeHtml(title)}</h1>
${body}
</body>
</html>
`;
}
