import { recoveryCodeExplanation } from './wallet-words';

/** How a screen reader spells one character of the code: upper and lower case matter. */
function spoken(char: string): string {
  if (/\d/.test(char)) return char;
  return char === char.toUpperCase() ? `${char} mayúscula` : `${char.toUpperCase()} minúscula`;
}

/**
 * The liquidación's recovery code, large, one box per character so it is copied exactly (the
 * code distinguishes capitals), with the guide's explanation (001 §10).
 */
export function RecoveryCode({ code }: { readonly code: string }) {
  const chars = [...code];
  return (
    <section className="wallet-code" aria-labelledby="wallet-code-title">
      <h3 id="wallet-code-title" className="wallet-code__title">
        Código de recuperación
      </h3>
      <p className="wallet-code__text">{recoveryCodeExplanation}</p>
      <p className="visually-hidden">Código: {chars.map(spoken).join(', ')}.</p>
      <p className="wallet-code__value" aria-hidden="true">
        {chars.map((char, index) => (
          <span key={index} className="wallet-code__char">
            {char}
          </span>
        ))}
      </p>
      <p className="wallet-code__hint">
        Cópielo tal como se ve: distingue mayúsculas de minúsculas. Lo necesitará con su identificación en «Recuperar
        transacción».
      </p>
    </section>
  );
}
