/**
 * What a screen may show of a wallet's holder before the clave is typed: enough for the owner
 * to recognise the wallet as theirs, not enough for a stranger to learn who owns it.
 */

/** `NOMBRE` → `N*****`: the first letter and one star for each other letter. */
export function maskWord(word: string): string {
  const letters = [...word];
  const first = letters[0];
  if (first === undefined) return '';
  return first + '*'.repeat(letters.length - 1);
}

/** «N***** A*******»: each word masked. */
export function maskName(name: string): string {
  return name
    .split(/\s+/)
    .filter((word) => word !== '')
    .map(maskWord)
    .join(' ');
}

/** «c*****@ejemplo.co»: the first character and five stars (whatever the length), the domain whole. */
export function maskEmail(email: string): string {
  const at = email.lastIndexOf('@');
  if (at <= 0) return '*****';
  const first = [...email.slice(0, at)][0] ?? '';
  return `${first}*****${email.slice(at)}`;
}
