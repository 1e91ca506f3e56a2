import { err, ok, type Result } from '../api/result';
import { commonPasswords } from './common-passwords';

/**
 * What a citizen's password must be (NIST SP 800-63B, OWASP ASVS V2.1): at least 8
 * characters, at most 128, not one of the commonly used ones, not the document number; no
 * rules about digits, capitals or symbols. Spaces count, and accents are welcome.
 */
export const minPasswordLength = 8;
export const maxPasswordLength = 128;

export function checkNewPassword(password: string, context: { readonly docNumber?: string } = {}): Result<string> {
  const length = [...password.normalize('NFC')].length;
  if (length < minPasswordLength)
    return err('validation', `La contraseña nueva debe tener al menos ${minPasswordLength} caracteres.`, 'newPassword');
  if (length > maxPasswordLength)
    return err('validation', `La contraseña nueva puede tener hasta ${maxPasswordLength} caracteres.`, 'newPassword');
  const lowered = password.normalize('NFC').toLowerCase();
  if (commonPasswords.has(lowered)) {
    return err(
      'validation',
      'Esa contraseña es de las más usadas y fácil de adivinar. Escoja otra, por ejemplo una frase corta que recuerde.',
      'newPassword',
    );
  }
  if (context.docNumber !== undefined && lowered.replace(/[\s.-]/g, '').includes(context.docNumber.toLowerCase())) {
    return err('validation', 'La contraseña no puede contener su número de documento.', 'newPassword');
  }
  return ok(password);
}
