import { FullScreenMessage } from '../ui/FullScreenMessage';

/** Shown without a token, or when the web host refuses the one this page has. */
export function NoAccessMessage() {
  return (
    <FullScreenMessage tone="problem" title="Abra Ventanilla con la dirección que muestra la consola al iniciar">
      <p>
        Por seguridad, esta pantalla solo funciona con la dirección completa que Ventanilla muestra cada vez que inicia
        (termina en <strong>#token=</strong> seguido de una clave).
      </p>
      <p>Si está usando un kiosco de la entidad, avise al personal de la oficina.</p>
    </FullScreenMessage>
  );
}
