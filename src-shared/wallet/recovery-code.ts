/**
 * A liquidación's recovery code, like `XLrWX7`: six letters and digits a citizen copies from
 * the screen or the volante. Letters and digits that look alike (0/O/o, 1/l/I) are left out,
 * and the code is case-sensitive, so six characters give 54^6 ≈ 2.4·10^10 codes; lookups are
 * throttled by identification and device on the server.
 */
export const recoveryCodeAlphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz23456789';
export const recoveryCodeLength = 6;

/** A code from `randomIndex(n)` (a uniform integer below n, from a CSPRNG). */
export function makeRecoveryCode(randomIndex: (n: number) => number): string {
  let code = '';
  for (let i = 0; i < recoveryCodeLength; i += 1)
    code += recoveryCodeAlphabet[randomIndex(recoveryCodeAlphabet.length)];
  return code;
}

/** Whether `typed` (trimmed) has the code's shape; anything else is refused before a lookup. */
export function isRecoveryCodeShape(typed: string): boolean {
  return new RegExp(`^[${recoveryCodeAlphabet}]{${recoveryCodeLength}}$`).test(typed.trim());
}
