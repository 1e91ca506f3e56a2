import { html, trusted, type Html } from '../../console/html';
import { supportPaths } from './support-paths';

/**
 * The frame of every support page: the entity's name, the title, a notice, the page, and the
 * support line at the foot. Plain HTML and one stylesheet; no script anywhere (the CSP allows
 * none). Written for a phone first: citizens open the mailed link there.
 */

/** What a page tells above its content: what just happened, or what was refused. */
export interface Notice {
  readonly kind: 'ok' | 'error';
  readonly text: string;
}

export interface SupportFrame {
  readonly title: string;
  /** The entity's name, or «la entidad» words when the server has none set. */
  readonly entity: string;
  readonly supportPhone: string;
  readonly notice?: Notice | null;
}

export function supportDocument(frame: SupportFrame, main: Html): Html {
  return html`<!doctype html>
    <html lang="es-CO">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="referrer" content="no-referrer" />
        <meta name="robots" content="noindex" />
        <link rel="stylesheet" href="${supportPaths.styles}" />
        <link rel="icon" href="${supportPaths.icon}" type="image/svg+xml" />
        <title>${frame.title} — Soporte</title>
      </head>
      <body>
        <header class="top"><a class="brand" href="${supportPaths.start}">Soporte · ${frame.entity}</a></header>
        <main>
          <h1>${frame.title}</h1>
          ${noticeOf(frame.notice ?? null)} ${main}
        </main>
        <footer class="foot">
          <p>¿Necesita ayuda? Línea de soporte: ${phoneLink(frame.supportPhone)}</p>
        </footer>
      </body>
    </html> `;
}

export function noticeOf(notice: Notice | null): Html | null {
  if (notice === null) return null;
  return notice.kind === 'ok'
    ? html`<p class="notice ok" role="status">${notice.text}</p>`
    : html`<p class="notice error" role="alert">${notice.text}</p>`;
}

/** The support line as a link a phone dials (digits and a leading + only in the address). */
export function phoneLink(phone: string): Html {
  const digits = phone.replace(/[^\d+]/g, '');
  return digits === '' ? html`<strong>${phone}</strong>` : html`<a class="phone" href="tel:${digits}">${phone}</a>`;
}

/** The stylesheet, served from /soporte/estilos.css (the CSP allows styles from here only). */
export const supportStyles = trusted(`
:root { color-scheme: light; --ink: #14213a; --brand: #0b4f8a; --brand-dark: #083a66; --line: #c5cfdb; --soft: #eef3f8; --bad: #a4161a; --good: #1f6f3a; }
* { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; }
body { margin: 0; font-family: system-ui, 'Segoe UI', Roboto, sans-serif; font-size: 18px; line-height: 1.5; color: var(--ink); background: #fff; }
.top { background: var(--brand); padding: 12px max(16px, calc((100% - 42rem) / 2 + 16px)); }
.brand { color: #fff; font-weight: 700; text-decoration: none; font-size: 1.05rem; }
main { max-width: 42rem; margin: 0 auto; padding: 8px 16px 32px; }
h1 { font-size: 1.6rem; line-height: 1.25; margin: 20px 0 12px; }
h2 { font-size: 1.25rem; margin: 28px 0 8px; }
p { margin: 8px 0; }
a { color: var(--brand); }
.foot { border-top: 1px solid var(--line); background: var(--soft); padding: 16px; text-align: center; }
.foot p { margin: 0 auto; max-width: 42rem; }
.phone { font-weight: 700; white-space: nowrap; }
.notice { padding: 12px 14px; border-radius: 8px; font-weight: 600; }
.notice.ok { background: #e6f4ea; border-left: 6px solid var(--good); }
.notice.error { background: #fdecea; border-left: 6px solid var(--bad); color: var(--bad); }
.actions { display: grid; gap: 12px; margin: 20px 0; }
.button, button { display: block; width: 100%; min-height: 56px; padding: 14px 20px; font: inherit; font-size: 1.1rem; font-weight: 700; text-align: center; text-decoration: none; color: #fff; background: var(--brand); border: 2px solid var(--brand); border-radius: 10px; cursor: pointer; }
.button:hover, button:hover { background: var(--brand-dark); }
.button.secondary, button.secondary { color: var(--brand); background: #fff; }
.button.secondary:hover, button.secondary:hover { background: var(--soft); }
:focus-visible { outline: 3px solid #f2a900; outline-offset: 2px; }
form { margin: 0; }
fieldset { border: 0; padding: 0; margin: 0; min-width: 0; }
label, legend { display: block; font-weight: 700; margin: 18px 0 6px; padding: 0; }
.hint { display: block; font-weight: 400; font-size: .95rem; color: #46546a; margin: 2px 0 6px; }
.field-error { color: var(--bad); font-weight: 700; margin: 6px 0 0; }
input[type=text], input[type=email], input[type=tel], input[type=file], input:not([type]), select, textarea { display: block; width: 100%; font: inherit; padding: 12px; border: 2px solid #7a8aa0; border-radius: 8px; background: #fff; color: var(--ink); }
input[type=file] { padding: 10px; background: var(--soft); }
textarea { min-height: 9rem; resize: vertical; }
input[aria-invalid=true], select[aria-invalid=true], textarea[aria-invalid=true] { border-color: var(--bad); }
.code { font-family: ui-monospace, monospace; font-size: 1.8rem; letter-spacing: .3em; text-align: center; max-width: 14rem; }
.big { font-size: 2.2rem; font-weight: 800; letter-spacing: .03em; text-align: center; margin: 16px 0; padding: 16px; border: 3px solid var(--brand); border-radius: 12px; background: var(--soft); word-break: break-word; }
.form-actions { margin-top: 24px; display: grid; gap: 12px; }
.inline-form { margin-top: 12px; }
.facts { margin: 8px 0; }
.facts dt { font-weight: 700; margin-top: 10px; }
.facts dd { margin: 0; overflow-wrap: anywhere; }
.pre { white-space: pre-wrap; }
.state { display: inline-block; padding: 2px 12px; border-radius: 999px; font-weight: 700; font-size: .95rem; background: var(--soft); border: 2px solid var(--brand); }
.state.resuelto { border-color: var(--good); color: var(--good); }
.state.solucion-propuesta { border-color: #b35c00; color: #8a4500; background: #fff4e5; }
.tickets { list-style: none; padding: 0; margin: 12px 0; display: grid; gap: 12px; }
.tickets a { display: block; padding: 14px; border: 2px solid var(--line); border-radius: 10px; text-decoration: none; color: var(--ink); }
.tickets a:hover { border-color: var(--brand); background: var(--soft); }
.tickets .number { display: block; font-weight: 800; font-size: 1.15rem; color: var(--brand); }
.tickets .subject { display: block; overflow-wrap: anywhere; }
.tickets .when { display: block; font-size: .95rem; color: #46546a; }
.files { padding-left: 1.2rem; }
.files li { margin: 6px 0; overflow-wrap: anywhere; }
.history { list-style: none; padding: 0; margin: 0; border-left: 4px solid var(--line); }
.history > li { margin: 0 0 16px; padding: 0 0 0 14px; }
.history .who { font-weight: 700; margin: 0; }
.history .when { font-size: .9rem; color: #46546a; margin: 0; }
.history .body { white-space: pre-wrap; overflow-wrap: anywhere; background: var(--soft); border-radius: 8px; padding: 10px 12px; margin: 6px 0; }
.history .from-support .body { background: #e8f0fa; }
.solution { border: 3px solid #b35c00; border-radius: 12px; padding: 12px 14px; background: #fff8ef; margin: 16px 0; }
.solution .body { white-space: pre-wrap; overflow-wrap: anywhere; }
.solution h2 { margin-top: 4px; }
.resolved { border: 3px solid var(--good); border-radius: 12px; padding: 12px 14px; background: #eef8f1; margin: 16px 0; }
.resolved h2 { margin-top: 4px; color: var(--good); }
.given-stars { color: #c98f00; font-size: 1.4rem; letter-spacing: .1em; }
details.primary > summary { background: var(--brand); color: #fff; border-radius: 7px; }
details.primary[open] > summary { border-radius: 7px 7px 0 0; }
details { background: #fff; }
details { margin: 12px 0; border: 2px solid var(--brand); border-radius: 10px; }
details > summary { list-style: none; cursor: pointer; min-height: 56px; padding: 14px 20px; font-weight: 700; font-size: 1.1rem; text-align: center; color: var(--brand); }
details > summary::-webkit-details-marker { display: none; }
details[open] > summary { background: var(--brand); color: #fff; border-radius: 7px 7px 0 0; }
details > .panel { padding: 4px 14px 16px; }
.stars { display: flex; flex-direction: row-reverse; justify-content: flex-end; gap: 4px; margin: 6px 0; }
.stars input { position: absolute; opacity: 0; width: 1px; height: 1px; }
.stars label { margin: 0; font-size: 2.6rem; line-height: 1; color: #9aa5b4; cursor: pointer; padding: 4px; min-width: 52px; text-align: center; }
.stars .n { display: block; font-size: 1rem; font-weight: 700; color: #46546a; margin-top: 2px; }
.stars input:checked ~ label, .stars label:hover, .stars label:hover ~ label { color: #e0a100; }
.stars input:focus-visible + label { outline: 3px solid #f2a900; border-radius: 6px; }
.stars .sr { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
.rating-words { margin: 0; font-size: .95rem; color: #46546a; }
@media (min-width: 40rem) {
  .actions { grid-template-columns: 1fr 1fr; }
  h1 { font-size: 1.9rem; }
}
`);
