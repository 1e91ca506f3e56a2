import { formatAtMoment } from '../../src-shared/domain/bogota-time';
import { useNow } from '../format/useNow';
import { Button } from '../ui/Button';
import type { PhoneLinkControl } from './phone-link-state';
import { QrCode } from './QrCode';

/** «en 10 minutos», «en 1 minuto», «en menos de un minuto». */
function minutesInWords(ms: number): string {
  const minutes = Math.floor(ms / 60_000);
  if (minutes < 1) return 'en menos de un minuto';
  return minutes === 1 ? 'en 1 minuto' : `en ${minutes} minutos`;
}

const offlineText =
  'Para llevar el documento a su celular, este kiosco necesita conexión con el servidor central, y en este momento no la tiene. ' +
  'Puede imprimirlo, o intentarlo de nuevo en unos minutos.';

/**
 * The QR of a single-use link to the document, with what the citizen must know: point the
 * phone's camera, it opens once, until when. Nothing is saved on the kiosk.
 */
export function PhoneLinkPanel({ phone }: { readonly phone: PhoneLinkControl }) {
  const now = useNow(5_000);
  const { state } = phone;
  if (state.phase === 'idle') return null;
  if (state.phase === 'asking') {
    return (
      <section className="phone-link" aria-label="Llevar a mi celular" role="status">
        <span className="document-viewer__spinner" aria-hidden="true" />
        <p className="phone-link__text">Preparando el código para su celular…</p>
      </section>
    );
  }
  if (state.phase === 'failed') {
    return (
      <section className="phone-link phone-link--problem" aria-label="Llevar a mi celular">
        <p className="phone-link__text" role="alert">
          {state.error.code === 'offline' ? offlineText : state.error.message}
        </p>
        <Button onClick={phone.dismiss}>Entendido</Button>
      </section>
    );
  }
  const expiresAt = new Date(state.link.expiresAt);
  const left = expiresAt.getTime() - now.getTime();
  return (
    <section className="phone-link" aria-label="Llevar a mi celular">
      {left > 0 ? (
        <>
          <QrCode text={state.link.url} label="Código QR para descargar el documento en su celular" />
          <div className="phone-link__words">
            <h3 className="phone-link__title">Apunte la cámara de su celular a este código</h3>
            <p className="phone-link__text">
              Su celular descarga el documento en PDF. En este kiosco no queda guardado.
            </p>
            <p className="phone-link__expiry">
              El enlace sirve <strong>una sola vez</strong> y vence {minutesInWords(left)},{' '}
              {formatAtMoment(expiresAt, now)}.
            </p>
            <Button onClick={phone.dismiss}>Listo</Button>
          </div>
        </>
      ) : (
        <>
          <p className="phone-link__text">El código venció. Toque «Llevar a mi celular» para recibir uno nuevo.</p>
          <Button onClick={phone.dismiss}>Entendido</Button>
        </>
      )}
    </section>
  );
}
