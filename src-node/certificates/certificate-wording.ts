import { formatCop } from '../../src-shared/domain/money';
import type { CertificateDescription, CertificateKind } from './certificate-document';

/**
 * The fixed words of a certificate: its title, the header lines every page repeats, the
 * verification text and the watermarks. Kept apart from the layout so a test or a screen (the
 * kiosk's preview, the verification page) can print the same words.
 */

/** Days the verification page shows an issued certificate. */
export const verificationValidityDays = 60;

export const certificateTitles: Readonly<Record<CertificateKind, string>> = {
  'existencia-representacion-legal': 'CERTIFICADO DE EXISTENCIA Y REPRESENTACIÓN LEGAL',
  'matricula-persona-natural': 'CERTIFICADO DE MATRÍCULA MERCANTIL DE PERSONA NATURAL',
  'matricula-establecimiento': 'CERTIFICADO DE MATRÍCULA MERCANTIL DE ESTABLECIMIENTO DE COMERCIO',
};

export const watermarks = {
  notRenewed: 'NO HA CUMPLIDO CON LA OBLIGACIÓN LEGAL DE RENOVAR SU MATRÍCULA MERCANTIL',
  preview: 'CERTIFICADO DE SOLO CONSULTA SIN VALIDEZ JURÍDICA',
} as const;

export const endOfCertificate = '*** FIN DEL CERTIFICADO ***';

const issueFormat = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'America/Bogota',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

function bogotaParts(at: Date): Readonly<Record<string, string>> {
  return Object.fromEntries(issueFormat.formatToParts(at).map((part) => [part.type, part.value]));
}

/** `03/12/2026 – 15:04:09`, the issue instant in Bogotá (an en dash between date and time). */
export function formatIssueMoment(at: Date): string {
  const p = bogotaParts(at);
  return `${p.day}/${p.month}/${p.year} – ${p.hour}:${p.minute}:${p.second}`;
}

/** The verification URL a QR encodes and the text names. */
export function verificationUrl(input: Pick<CertificateDescription, 'chamber' | 'verificationCode'>): string {
  return `${input.chamber.verificationBaseUrl.replace(/\/+$/, '')}/${input.verificationCode}`;
}

/** How the holder or a recipient checks the certificate, in our words. */
export function verificationText(input: Pick<CertificateDescription, 'chamber'>): string {
  const base = input.chamber.verificationBaseUrl.replace(/\/+$/, '');
  return (
    `Para verificar el contenido y la autenticidad de este certificado, ingrese a ${base} y digite el código ` +
    `de verificación, o lea el código QR: verá la imagen del certificado tal como se expidió. Puede ` +
    `verificarlo cuantas veces quiera durante ${verificationValidityDays} días calendario contados desde su ` +
    'fecha de expedición.'
  );
}

/**
 * A reminder to renew before 31 March, printed while this year's renewal is still due: the
 * matrícula is active, last renewed before the issue year, and the certificate is issued on or
 * before the cutoff (after it, the not-renewed watermark speaks instead).
 */
export function renewalReminder(input: Pick<CertificateDescription, 'issuedAt' | 'business'>): string | null {
  const p = bogotaParts(input.issuedAt);
  const year = Number(p.year);
  const beforeCutoff = Number(p.month) <= 3;
  const { business } = input;
  if (business.state !== 'activa' || business.matricula.lastRenewedYear >= year || !beforeCutoff) return null;
  return `Recuerde renovar la matrícula mercantil a más tardar el 31 de marzo de ${year}.`;
}

/** The header lines every page repeats, above the page number; the chamber and title come first. */
export function headerLines(input: CertificateDescription): {
  readonly chamber: string;
  readonly title: string;
  readonly issued: string;
  readonly receipt: string;
  readonly code: string;
  readonly verification: string;
  readonly reminder: string | null;
} {
  return {
    chamber: input.chamber.name.toUpperCase(),
    title: certificateTitles[input.kind],
    issued: `Fecha expedición: ${formatIssueMoment(input.issuedAt)}`,
    receipt: `Recibo No. ${input.receiptNumber}, Valor ${formatCop(input.pricePesos)}`,
    code: `CÓDIGO DE VERIFICACIÓN ${input.verificationCode}`,
    verification: verificationText(input),
    reminder: renewalReminder(input),
  };
}

/** `Página 2 de 4`. */
export const pageLabel = (page: number, pages: number): string => `Página ${page} de ${pages}`;
