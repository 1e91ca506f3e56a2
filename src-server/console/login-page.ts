import { consolePaths, document, noticeBlock, type Notice } from './console-layout';
import { html, type Html } from './html';

/** «Ingresar»: username and password; the form carries the pre-login CSRF token. */
export function loginPage(opts: { csrf: string; username?: string; notice?: Notice | null }): Html {
  return document(
    'Ingresar',
    html`<main class="login">
      <h1>Consola del personal</h1>
      <p class="hint">Ingrese con su usuario y contraseña de Ventanilla.</p>
      ${noticeBlock(opts.notice ?? null)}
      <form method="post" action="${consolePaths.login}">
        <input type="hidden" name="csrf" value="${opts.csrf}" />
        <label
          >Usuario
          <input
            name="usuario"
            autocomplete="username"
            required
            maxlength="64"
            value="${opts.username ?? ''}"
            autofocus
        /></label>
        <label
          >Contraseña <input name="contrasena" type="password" autocomplete="current-password" required maxlength="256"
        /></label>
        <button type="submit">Ingresar</button>
      </form>
    </main>`,
  );
}

/** An answer for a page that cannot be shown (not found, refused), inside or outside a session. */
export function messagePage(title: string, text: string, back: { href: string; label: string }): Html {
  return document(
    title,
    html`<main class="login">
      <h1>${title}</h1>
      <p>${text}</p>
      <p><a href="${back.href}">${back.label}</a></p>
    </main>`,
  );
}
