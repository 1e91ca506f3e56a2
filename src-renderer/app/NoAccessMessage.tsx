import { FullScreenMessage } from '../ui/FullScreenMessage';

/** Shown without a session token (no launch code, or a spent one), or when the web host refuses the one this page has. */
export function NoAccessMessage() {
  return (
    <FullScreenMessage tone="problem" title="Abra Ventanilla con la dirección que muestra la consola al iniciar">
      <p>
        Por seguridad, esta pantalla se abre con una dirección de un solo uso: la que Ventanilla muestra al iniciar
        (termina en <strong>#launch=</strong> seguido de un código) o la página de arranque del kiosco. Una dirección ya
        usada no vuelve a abrirla.
      </p>
      <p>Si está usando un kiosco de la entidad, avise al personal de la oficina.</p>
    </FullScreenMessage>
  );
}
