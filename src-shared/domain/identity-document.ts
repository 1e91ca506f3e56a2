import { err, ok, type Result } from '../api/result';
import { nitCheckDigit } from './nit';

/**
 * Colombian identification documents a citizen registers with (docs/domain/identification-nit.md): the identity is the type and the number. Numbers are normalised before they are
 * stored or compared: digits only for the numeric documents, upper-case letters and digits for
 * the alphanumeric ones. A NIT is kept as its body followed by its check digit, with the DV
 * verified.
 */
export const documentTypes = ['CC', 'CE', 'TI', 'NIT', 'PA', 'PPT', 'PEP', 'RC'] as const;
export type DocumentType = (typeof documentTypes)[number];

/**
 * The documents an account is registered with: an adult's or a company's. The tarjeta de
 * identidad and the registro civil are minors' documents, and the registration's consent text
 * says no data of minors are collected (Ley 1581 art. 7: docs/domain/personal-data.md).
 */
export const registrationDocumentTypes = [
  'CC',
  'CE',
  'NIT',
  'PA',
  'PPT',
  'PEP',
] as const satisfies readonly DocumentType[];

interface DocumentRule {
  readonly label: string;
  readonly numeric: boolean;
  readonly min: number;
  readonly max: number;
}

const rules: Record<DocumentType, DocumentRule> = {
  CC: { label: 'Cédula de ciudadanía', numeric: true, min: 3, max: 10 },
  CE: { label: 'Cédula de extranjería', numeric: true, min: 3, max: 12 },
  TI: { label: 'Tarjeta de identidad', numeric: true, min: 7, max: 11 },
  NIT: { label: 'NIT', numeric: true, min: 6, max: 16 },
  PA: { label: 'Pasaporte', numeric: false, min: 5, max: 12 },
  PPT: { label: 'Permiso por protección temporal', numeric: true, min: 6, max: 8 },
  PEP: { label: 'Permiso especial de permanencia', numeric: false, min: 6, max: 15 },
  RC: { label: 'Registro civil', numeric: true, min: 8, max: 11 },
};

export const documentTypeLabel = (type: DocumentType): string => rules[type].label;

/** What the citizen typed → the stored number, or a Spanish message saying what is wrong. */
export function normalizeDocument(type: DocumentType, typed: string): Result<string> {
  const rule = rules[type];
  const trimmed = typed.trim();
  if (trimmed === '') return err('validation', 'Escriba el número de documento.', 'docNumber');
  if (rule.numeric) {
    if (!/^[\d.\s-]+$/.test(trimmed))
      return err('validation', `El número de ${rule.label.toLowerCase()} lleva solo números.`, 'docNumber');
    const digits = trimmed.replace(/\D/g, '');
    if (type === 'NIT') return normalizeNit(digits, /-\s*\d\s*$/.test(trimmed));
    if (digits.length < rule.min || digits.length > rule.max) {
      return err(
        'validation',
        `El número de ${rule.label.toLowerCase()} tiene entre ${rule.min} y ${rule.max} dígitos.`,
        'docNumber',
      );
    }
    return ok(digits.replace(/^0+(?=\d)/, ''));
  }
  const compact = trimmed.replace(/[\s-]/g, '').toUpperCase();
  if (!/^[A-Z0-9]+$/.test(compact))
    return err('validation', `El número de ${rule.label.toLowerCase()} lleva solo letras y números.`, 'docNumber');
  if (compact.length < rule.min || compact.length > rule.max) {
    return err(
      'validation',
      `El número de ${rule.label.toLowerCase()} tiene entre ${rule.min} y ${rule.max} caracteres.`,
      'docNumber',
    );
  }
  return ok(compact);
}

/** A NIT is written with its check digit (`900.123.456-8`); the DV must be right. */
function normalizeNit(digits: string, dashed: boolean): Result<string> {
  if (!dashed || digits.length < 2 || digits.length > 16) {
    return err(
      'validation',
      'Escriba el NIT con su dígito de verificación después del guion, por ejemplo 900.123.456-8.',
      'docNumber',
    );
  }
  const body = digits.slice(0, -1);
  if (nitCheckDigit(body) !== Number(digits.slice(-1))) {
    return err('validation', 'El dígito de verificación no corresponde a ese NIT. Revíselo en el RUT.', 'docNumber');
  }
  return ok(digits);
}

/**
 * The numbers a login with `typed` may match, whatever the type: the digits as typed, and for
 * someone typing a NIT without its DV, the body with the DV added.
 */
export function loginDocumentCandidates(typed: string): string[] {
  const trimmed = typed.trim();
  const compact = trimmed.replace(/[\s.-]/g, '').toUpperCase();
  if (!/^[A-Z0-9]{3,16}$/.test(compact)) return [];
  const candidates = new Set([compact]);
  if (/^\d+$/.test(compact)) {
    candidates.add(compact.replace(/^0+(?=\d)/, ''));
    if (compact.length <= 15) candidates.add(`${compact}${nitCheckDigit(compact)}`);
  }
  return [...candidates];
}

/** `CC 1.020.304.050`, `NIT 900.123.456-8`, `PA AB123456`: how mail and screens show a document. */
export function formatDocument(type: DocumentType, number: string): string {
  if (type === 'NIT') return `NIT ${number.slice(0, -1).replace(/\B(?=(\d{3})+(?!\d))/g, '.')}-${number.slice(-1)}`;
  if (rules[type].numeric) return `${type} ${number.replace(/\B(?=(\d{3})+(?!\d))/g, '.')}`;
  return `${type} ${number}`;
}
