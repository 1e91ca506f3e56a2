import type { BillsAccess } from './bills-store';
import './subscriber-card.css';

const capitalized = (word: string): string => word.charAt(0).toLocaleUpperCase('es-CO') + word.slice(1);

/** Whose bills these are, so the citizen can see at once it is the right account. */
export function SubscriberCard({ subscriber }: { readonly subscriber: BillsAccess['subscriber'] }) {
  return (
    <section className="subscriber-card" aria-label="Datos del suscriptor">
      <dl className="subscriber-card__list">
        <div>
          <dt>Código interno</dt>
          <dd className="subscriber-card__code">{subscriber.codigoInterno}</dd>
        </div>
        <div className="subscriber-card__wide">
          <dt>Suscriptor</dt>
          <dd>{subscriber.holderName}</dd>
        </div>
        <div className="subscriber-card__wide">
          <dt>Dirección</dt>
          <dd>{subscriber.address}</dd>
        </div>
        <div>
          <dt>Código de ruta</dt>
          <dd>{subscriber.codigoRuta}</dd>
        </div>
        <div>
          <dt>Estrato · uso</dt>
          <dd>
            {subscriber.estrato} · {capitalized(subscriber.uso)}
          </dd>
        </div>
      </dl>
    </section>
  );
}
