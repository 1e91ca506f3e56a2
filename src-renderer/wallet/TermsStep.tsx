import { ProblemLine } from '../accounts/ProblemLine';
import { Button } from '../ui/Button';
import { useWalletLoad } from './useWalletLoad';
import { useWalletStore } from './wallet-store';

/**
 * «Términos y condiciones de uso - Prepago de Servicios» (guide 001 §7), read first: the text
 * comes from the central server with its version, which the acceptance records. «Acepto y
 * continuar» is the guide's «Si decide continuar … ha aceptado los términos».
 */
export function TermsStep() {
  const accepted = useWalletStore((state) => state.accepted);
  const { state, reload } = useWalletLoad('wallet.terms', {});
  if (state.status === 'loading') {
    return (
      <section className="bills-card bills-loading" aria-busy="true">
        <span className="bills-spinner" aria-hidden="true" />
        <p className="bills-lead" role="status">
          Cargando los términos y condiciones…
        </p>
      </section>
    );
  }
  if (state.status === 'failed') {
    return (
      <section className="bills-card">
        <ProblemLine problem={state.error} />
        <div className="account-actions">
          <Button size="large" onClick={reload}>
            Reintentar
          </Button>
        </div>
      </section>
    );
  }
  const terms = state.value;
  return (
    <section className="bills-card wallet-terms" aria-labelledby="wallet-terms-title">
      <h2 id="wallet-terms-title" className="wallet-terms__title">
        {terms.title}
      </h2>
      <div className="wallet-terms__text" tabIndex={0} role="region" aria-label="Texto de los términos y condiciones">
        {terms.text.split(/\n\s*\n/).map((paragraph, index) => (
          <p key={index}>{paragraph}</p>
        ))}
      </div>
      <p className="bills-muted">Versión {terms.version}. Deslice el texto para leerlo completo.</p>
      <div className="account-actions">
        <Button size="large" onClick={() => accepted(terms)}>
          Acepto y continuar
        </Button>
      </div>
    </section>
  );
}
