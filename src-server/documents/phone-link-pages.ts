import { waitInWords } from '../accounts/login-throttle';

/**
 * What a phone shows when a link gives no document: one page for an unknown, a used and an
 * expired link alike (nobody learns which links exist), and one for too many misses. Plain
 * HTML, no script, nothing from the request in it.
 */
export const phoneLinkGonePage = page(
  'Este enlace ya no sirve',
  'Los enlaces de Ventanilla abren una sola vez y por pocos minutos. Si necesita el documento otra vez, ' +
    'tóquelo en el kiosco y elija «Llevar a mi celular» para recibir un código nuevo.',
);

export const phoneLinkWaitPage = (waitMs: number): string =>
  page(
    'Demasiados intentos',
    `Desde esta conexión se abrieron muchos enlaces que no existen. Espere ${waitInWords(waitMs)} e intente de nuevo.`,
  );

/** The pages' policy: nothing loads, nothing runs, nothing frames them. */
export const phoneLinkPagePolicy =
  "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

function page(title: string, text: string): string {
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
<p>${text}</p>
</body>
</html>
`;
}
