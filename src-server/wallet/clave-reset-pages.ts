import { waitInWords } from '../accounts/login-throttle';
import { escapeHtml } from '../mail/html-escape';

/**
 * The pages of the mailed «clave nueva» link: plain HTML, no script, nothing from the request
 * in them but the form's own address (the token, escaped). The clave is never on a page: it
 * goes by mail.
 */

/** Nothing loads or runs; the one form posts to this same server; nobody frames the page. */
export const clavePagePolicy =
  "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

export const claveConfirmPage = (action: string): string =>
  page(
    'Crear una clave nueva para su prepago',
    `<p>Al confirmar, la clave actual de su prepago deja de servir y le enviamos una clave nueva a su correo registrado.</p>
<form method="post" action="${escapeHtml(action)}">
<button type="submit" style="font-size: 1.15rem; padding: 0.9rem 1.6rem; min-height: 64px; background: #0b5394; color: #fff; border: 0; border-radius: 8px">Crear clave nueva</button>
</form>
<p>Si usted no pidió una clave nueva, cierre esta página: su clave no cambia.</p>`,
  );

export const claveIssuedPage = page(
  'Listo: revise su correo',
  '<p>Le enviamos la clave nueva de su prepago a su correo registrado. La clave anterior ya no sirve.</p>',
);

export const claveLinkGonePage = page(
  'Este enlace ya no sirve',
  '<p>Los enlaces para crear una clave nueva sirven una sola vez y durante 30 minutos. Si todavía necesita una clave nueva, solicítela otra vez en el kiosco.</p>',
);

export const claveBusyPage = page(
  'Intente en unos segundos',
  '<p>El servidor está atendiendo muchas solicitudes en este momento. Vuelva a abrir el enlace en unos segundos.</p>',
);

export const claveWaitPage = (waitMs: number): string =>
  page(
    'Demasiados intentos',
    `<p>Desde esta conexión se abrieron muchos enlaces que no existen. Espere ${waitInWords(waitMs)} e intente de nuevo.</p>`,
  );

function page(title: string, body: string): string {
  return `<!doctype html>
<html lang="es-CO">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>${title}</title>
</head>
<body style="font-family: sans-serif; font-size: 1.15rem; line-height: 1.5; margin: 2rem; color: #14213a">
<h1 style="font-size: 1.5rem">${title}</h1>
${body}
</body>
</html>
`;
}
