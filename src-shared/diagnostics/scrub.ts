/**
 * What a diagnostic bundle may not carry (docs/operations.md, "Logs and diagnostics"), as pure
 * rules the device applies to every log line before a bundle leaves it and the server applies
 * again to what it receives. The logs are already meant to hold ids and counts, not people
 * (src-main/logger.ts); these rules catch what slipped in anyway:
 *
 * 1. Fields named for a person or a secret: their whole value is replaced, whatever it holds
 *    (`personalKeys`: names, documents, e-mail, phone, address; `secretKeys`: tokens,
 *    passwords, claves, PINs, sessions, grants, codes).
 * 2. In every other text, and in any line that is not JSON:
 *    - an e-mail address → `[correo]`;
 *    - a run of six or more digits, optionally split by single dots, dashes or spaces (a cédula
 *      `1.000.000.002`, a NIT `900.123.456-8`, a phone `+57 300 123 4567` (→ `+[número]`), a
 *      código interno, a bill or payment reference) → `[número]`; ISO dates and times
 *      (`2026-12-04`, `13:45:00.123`), IPv4 addresses and UUIDs are kept whole;
 *    - a bearer credential (`Bearer …`) or a long token-like run (24+ letters, digits, `_`
 *      or `-`, with a digit and a letter, not a UUID) → `[oculto]`.
 * 3. Numbers: six or more digits → `[número]`, except in fields that measure (time, level, pid,
 *    sizes, durations, counts: `measureKey`).
 *
 * Names in free text cannot be told from other words; they are caught only under the fields
 * of rule 1, which is why modules log ids. The bundle test greps a real bundle for every demo
 * citizen's name, document, e-mail and phone (tests/integration/diagnostics).
 */

const personalKeys = new Set(
  [
    'name',
    'names',
    'fullname',
    'firstname',
    'lastname',
    'nombre',
    'nombres',
    'apellido',
    'apellidos',
    'holder',
    'holdername',
    'titular',
    'citizen',
    'ciudadano',
    'subscriber',
    'suscriptor',
    'email',
    'correo',
    'mail',
    'to',
    'phone',
    'telefono',
    'teléfono',
    'celular',
    'mobile',
    'document',
    'documento',
    'documentnumber',
    'identification',
    'identificacion',
    'identificación',
    'cedula',
    'cédula',
    'nit',
    'address',
    'direccion',
    'dirección',
    'payer',
    'pagador',
  ].map((key) => key.toLowerCase()),
);

const secretKeys = new Set(
  [
    'token',
    'password',
    'clave',
    'pin',
    'authorization',
    'cookie',
    'session',
    'secret',
    'grant',
    'grantid',
    'accessid',
    'code',
    'recoverycode',
    'enrollmentcode',
    'x-ventanilla-token',
    'x-account-session',
  ].map((key) => key.toLowerCase()),
);

/** Fields whose number is a measure, not an identifier. */
const measureKey =
  /^(time|level|pid|v)$|(ms|bytes|seconds|count|size|total|pending|parked|rows|attempts|port|status|percent|offset)$/i;

export const personalMark = '[dato personal]';
export const secretMark = '[oculto]';
export const emailMark = '[correo]';
export const numberMark = '[número]';

const email = /[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+/g;
/**
 * A date-time is tried first at each place (and kept), so its digits never start a run; then
 * six or more digits with single `.`, `-` or space between them, not part of a longer word.
 */
const dateOrDigitRun =
  /(\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?)|(?<![A-Za-z0-9])(?:\d[.\- ]?){5,}\d(?![A-Za-z0-9])/g;
const isoDate = /^\d{4}-\d{2}-\d{2}/;
const clock = /^\d{2}:\d{2}/;
const ipv4 = /^(?:(?:25[0-5]|2[0-4]\d|1?\d?\d)\.){3}(?:25[0-5]|2[0-4]\d|1?\d?\d)$/;
const bearer = /\bBearer\s+\S+/gi;
const tokenLike = /(?<![A-Za-z0-9_-])[A-Za-z0-9_-]{24,}(?![A-Za-z0-9_-])/g;
const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** A UUID standing alone as the token rule bounds a run; captured, so `split` keeps it. */
const uuidRun = /(?<![A-Za-z0-9_-])([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})(?![A-Za-z0-9_-])/i;

/** Rule 2 on a piece of text. */
export function scrubText(text: string): string {
  const hidden = text
    .replace(bearer, `Bearer ${secretMark}`)
    .replace(email, emailMark)
    .replace(tokenLike, (run) => (uuid.test(run) || !/\d/.test(run) || !/[A-Za-z]/.test(run) ? run : secretMark));
  // The UUIDs the token rule kept are kept whole by the number rule too (odd pieces of the
  // split). Otherwise a UUID whose first or last group is all digits, or that follows a digit
  // run, lost that group to [número], and the rest of it was a run the token rule hid on the
  // next pass: the rules were not idempotent, and the server refused a bundle the device had
  // scrubbed (CI, diagnostic-bundle-personal-data).
  return hidden
    .split(uuidRun)
    .map((piece, index) =>
      index % 2 === 1
        ? piece
        : piece.replace(dateOrDigitRun, (run, date: string | undefined) =>
            date !== undefined || ipv4.test(run) ? run : numberMark,
          ),
    )
    .join('');
}

/** Rules 1–3 on one log line: a JSON record field by field, any other line as text. */
export function scrubLogLine(line: string): string {
  let record: unknown;
  try {
    record = JSON.parse(line);
  } catch {
    return scrubText(line);
  }
  return JSON.stringify(scrubValue(record, null));
}

function scrubValue(value: unknown, key: string | null): unknown {
  const lower = key?.toLowerCase() ?? null;
  if (lower !== null && secretKeys.has(lower) && value !== null) return secretMark;
  if (lower !== null && personalKeys.has(lower) && value !== null) return personalMark;
  if (typeof value === 'string') return scrubTimeAware(value, lower);
  if (typeof value === 'number')
    return Number.isInteger(value) && Math.abs(value) >= 100_000 && !(lower !== null && measureKey.test(lower))
      ? numberMark
      : value;
  if (Array.isArray(value)) return value.map((item) => scrubValue(item, key));
  if (typeof value === 'object' && value !== null)
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, scrubValue(v, k)]));
  return value;
}

/** A clock time (`13:45:00.123`) is kept like a date; everything else is text. */
function scrubTimeAware(text: string, key: string | null): string {
  if (key !== null && /(at|time|date)$/i.test(key) && (isoDate.test(text) || clock.test(text)) && text.length <= 40)
    return text;
  return scrubText(text);
}

/**
 * The lines of a bundle's text that the rules would still change: the server's check that a
 * bundle arrived scrubbed (the rules are idempotent, so a scrubbed line is left as it is).
 */
export function unscrubbedLines(text: string): number {
  let count = 0;
  for (const line of text.split('\n')) if (line !== '' && scrubLogLine(line) !== line) count += 1;
  return count;
}
