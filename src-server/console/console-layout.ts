import { html, type Html } from './html';
import type { StaffMember } from './console-login';
import { mayAct, mayWorkTickets, roleLabel } from './staff-roles';

/**
 * The console's frame: the title, the staff member with «Salir», the menu, a notice, the page.
 * Plain HTML and one stylesheet; no script anywhere (the CSP allows none).
 */
export const consolePaths = {
  root: '/consola',
  login: '/consola/ingresar',
  logout: '/consola/salir',
  styles: '/consola/estilos.css',
  icon: '/consola/icono.svg',
  wallets: '/consola/prepagos',
  liquidations: '/consola/liquidaciones',
  reviews: '/consola/revisiones',
  transactions: '/consola/transacciones',
  bankFiles: '/consola/archivos',
  certificates: '/consola/certificados',
  tickets: '/consola/tickets',
  fieldRoutes: '/consola/rutas',
  handovers: '/consola/entregas',
  fleet: '/consola/equipos',
} as const;

const menu: ReadonlyArray<{ key: MenuKey; label: string; href: string }> = [
  { key: 'wallets', label: 'Prepagos', href: consolePaths.wallets },
  { key: 'liquidations', label: 'Liquidaciones', href: consolePaths.liquidations },
  { key: 'reviews', label: 'Revisiones', href: consolePaths.reviews },
  { key: 'transactions', label: 'Transacciones en línea', href: consolePaths.transactions },
  { key: 'bankFiles', label: 'Archivos del banco', href: consolePaths.bankFiles },
  { key: 'certificates', label: 'Certificados', href: consolePaths.certificates },
];
export type MenuKey =
  | 'wallets'
  | 'liquidations'
  | 'reviews'
  | 'transactions'
  | 'bankFiles'
  | 'certificates'
  | 'tickets'
  | 'fieldRoutes'
  | 'handovers'
  | 'fleet';

/** «Rutas de campo» is for whoever assigns routes: supervisors and admins (docs/field-routes.md). */
const fieldRoutesItem = { key: 'fieldRoutes', label: 'Rutas de campo', href: consolePaths.fieldRoutes } as const;

/** «Entregas de recaudo» likewise: who received what from each collector (docs/staff-console.md). */
const handoversItem = { key: 'handovers', label: 'Entregas de recaudo', href: consolePaths.handovers } as const;

/** «Equipos» (the fleet view) is for admins only: they enroll and revoke devices (docs/device-report.md). */
const fleetItem = { key: 'fleet', label: 'Equipos', href: consolePaths.fleet } as const;

/** «Tickets» comes first for whoever works them: it is the support agents' desk. */
const ticketsItem = { key: 'tickets', label: 'Tickets', href: consolePaths.tickets } as const;

/** A line above the page after an action: what happened, or what was refused. */
export interface Notice {
  readonly kind: 'ok' | 'error';
  readonly text: string;
}

export interface PageFrame {
  readonly title: string;
  readonly staff: StaffMember;
  readonly csrf: string;
  readonly active: MenuKey;
  readonly notice?: Notice | null;
  /** This server has the ticket pages (a ticket context was given to the console). */
  readonly tickets?: boolean;
  /** The page reloads itself every so many seconds (a live view; the CSP allows no script). */
  readonly refreshSeconds?: number;
}

export function consolePage(frame: PageFrame, main: Html): Html {
  const items = [
    ...(frame.tickets === true && mayWorkTickets(frame.staff.role) ? [ticketsItem] : []),
    ...menu,
    ...(mayAct(frame.staff.role) ? [fieldRoutesItem, handoversItem] : []),
    ...(frame.staff.role === 'admin' ? [fleetItem] : []),
  ];
  const nav = items.map(
    (item) =>
      html`<li>
        <a href="${item.href}" ${item.key === frame.active ? html` aria-current="page"` : ''}>${item.label}</a>
      </li>`,
  );
  return document(
    frame.title,
    html`<header class="top">
        <p class="brand">Ventanilla — Consola del personal</p>
        <form method="post" action="${consolePaths.logout}" class="who">
          <span>${frame.staff.fullName} (${frame.staff.username}, ${roleLabel[frame.staff.role]})</span>
          <input type="hidden" name="csrf" value="${frame.csrf}" />
          <button type="submit">Salir</button>
        </form>
      </header>
      <nav aria-label="Secciones">
        <ul>
          ${nav}
        </ul>
      </nav>
      <main>${noticeBlock(frame.notice ?? null)} ${main}</main>`,
    frame.refreshSeconds,
  );
}

export function noticeBlock(notice: Notice | null): Html {
  if (notice === null) return html``;
  return notice.kind === 'ok'
    ? html`<p class="notice ok" role="status">${notice.text}</p>`
    : html`<p class="notice error" role="alert">${notice.text}</p>`;
}

/** A page outside a session (login, errors). */
export function document(title: string, body: Html, refreshSeconds?: number): Html {
  return html`<!doctype html>
    <html lang="es-CO">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="referrer" content="same-origin" />
        ${refreshSeconds === undefined ? '' : html`<meta http-equiv="refresh" content="${refreshSeconds}" />`}
        <title>${title} — Consola Ventanilla</title>
        <link rel="stylesheet" href="${consolePaths.styles}" />
        <link rel="icon" href="${consolePaths.icon}" type="image/svg+xml" />
      </head>
      <body>
        ${body}
      </body>
    </html> `;
}

/** The tab's icon: a «V» on the console's blue (without one the browser asks for /favicon.ico and gets a 404). */
export const consoleIcon =
  '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 16 16"><rect width="16" height="16" rx="3" fill="#14365d"/>' +
  '<path d="M4 4l4 8 4-8" stroke="#fff" stroke-width="2" fill="none"/></svg>';

/** The stylesheet, served from /consola/estilos.css (the CSP allows styles from here only). */
export const consoleStyles = `
:root { color-scheme: light; }
body { font-family: system-ui, 'Segoe UI', Roboto, sans-serif; margin: 0; color: #1f2933; background: #f5f7fa; font-size: 15px; }
.top { display: flex; justify-content: space-between; align-items: center; background: #14365d; color: #fff; padding: 10px 24px; }
.brand { font-weight: 600; font-size: 17px; margin: 0; }
.who { display: flex; gap: 12px; align-items: center; margin: 0; }
.who button { background: #fff; color: #14365d; }
nav ul { display: flex; gap: 4px; list-style: none; margin: 0; padding: 0 24px; background: #dde6f0; }
nav a { display: block; padding: 10px 14px; color: #14365d; text-decoration: none; font-weight: 500; }
nav a[aria-current='page'] { background: #f5f7fa; border-top: 3px solid #14365d; }
main { max-width: 1200px; margin: 0 auto; padding: 16px 24px 48px; }
h1 { font-size: 22px; margin: 12px 0 16px; } h2 { font-size: 18px; margin: 24px 0 8px; }
table { border-collapse: collapse; width: 100%; background: #fff; }
th, td { border-bottom: 1px solid #e4e7eb; padding: 6px 8px; text-align: left; vertical-align: top; }
th { background: #eef2f6; font-weight: 600; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: 4px 16px; background: #fff; padding: 12px 16px; border: 1px solid #e4e7eb; }
dl.facts dt { font-weight: 600; } dl.facts dd { margin: 0; }
form.filters, form.action { display: flex; flex-wrap: wrap; gap: 12px; align-items: flex-end; background: #fff; padding: 12px 16px; border: 1px solid #e4e7eb; margin: 8px 0 16px; }
form.action { flex-direction: column; align-items: stretch; max-width: 640px; }
label { display: flex; flex-direction: column; gap: 4px; font-weight: 500; }
input, select, textarea, button { font: inherit; padding: 6px 8px; border: 1px solid #9aa5b1; border-radius: 4px; }
textarea { min-height: 64px; }
button { background: #14365d; color: #fff; border-color: #14365d; cursor: pointer; padding: 7px 16px; }
button.danger { background: #a61b1b; border-color: #a61b1b; }
fieldset { border: 1px solid #e4e7eb; padding: 8px 12px; } legend { font-weight: 600; }
.radio { flex-direction: row; align-items: center; gap: 8px; font-weight: 400; }
.notice { padding: 10px 14px; border-left: 5px solid; background: #fff; }
.notice.ok { border-color: #1b7a3a; } .notice.error { border-color: #a61b1b; }
.hint { color: #52606d; font-size: 14px; }
.state { font-weight: 600; }
tr.standing-down td.state { color: #a61b1b; } tr.standing-warn td.state { color: #8a5300; }
tr.standing-down { background: #fdecec; } tr.standing-warn { background: #fff6e0; }
td.short, .short { color: #a61b1b; } td.over { color: #8a5300; }
pre.raw { background: #1f2933; color: #f5f7fa; padding: 10px; overflow-x: auto; font-size: 13px; }
.login { max-width: 380px; margin: 80px auto; background: #fff; border: 1px solid #e4e7eb; padding: 24px; }
.login form { display: flex; flex-direction: column; gap: 12px; }
:focus-visible { outline: 3px solid #f0b400; outline-offset: 2px; }
kbd { font: 12px ui-monospace, monospace; border: 1px solid #9aa5b1; border-radius: 3px; padding: 0 3px; background: #fff; }
.skip { position: absolute; left: -9999px; } .skip:focus { left: 12px; top: 8px; background: #fff; padding: 8px 12px; z-index: 10; }
.subnav ul { display: flex; gap: 16px; list-style: none; margin: 4px 0 0; padding: 0; }
.subnav a { color: #14365d; } .subnav a[aria-current='page'] { font-weight: 700; text-decoration: none; }
.queue-head { display: flex; align-items: center; gap: 8px 24px; flex-wrap: wrap; }
.queue-head h1 { margin: 8px 0; } .queue-head .quick { flex: 1; margin: 0; }
form.goto { display: flex; gap: 8px; align-items: center; margin: 0; }
label.inline { flex-direction: row; align-items: center; gap: 8px; }
form.filters.compact { gap: 8px 12px; padding: 8px 12px; margin: 4px 0 8px; }
form.filters.compact label { font-size: 13px; gap: 2px; }
form.filters.compact select, form.filters.compact input:not([type='checkbox']) { padding: 4px 6px; max-width: 15em; font-size: 14px; }
form.filters.compact button { padding: 5px 14px; }
table.queue td { padding: 5px 8px; } table.queue caption { text-align: left; padding: 4px 0; caption-side: top; }
.ticket-number { font-variant-numeric: tabular-nums; white-space: nowrap; font-weight: 600; }
td.due { min-width: 9em; }
.due-overdue { color: #a61b1b; } .due-soon { color: #8a5300; }
.due .mark { text-transform: uppercase; letter-spacing: .03em; margin-right: 4px; }
table.narrow { width: auto; min-width: 360px; }
ul.cards { display: flex; flex-wrap: wrap; gap: 12px; list-style: none; padding: 0; margin: 8px 0 16px; }
.card { background: #fff; border: 1px solid #e4e7eb; border-top: 4px solid #14365d; padding: 10px 14px; min-width: 150px; display: flex; flex-direction: column; gap: 2px; }
.card a { color: inherit; text-decoration: none; display: flex; flex-direction: column; gap: 2px; }
.card.alert { border-top-color: #a61b1b; } .card.alert .figure { color: #a61b1b; }
.figure { font-size: 26px; font-weight: 700; font-variant-numeric: tabular-nums; }
.ticket-status { display: flex; flex-wrap: wrap; gap: 16px; align-items: center; }
.badge { display: inline-block; padding: 3px 10px; border-radius: 12px; background: #dde6f0; color: #14365d; font-weight: 600; }
.badge.state-resuelto { background: #e3f1e6; color: #1b5e2c; } .badge.state-solucion-propuesta { background: #fff1c7; color: #6b4a00; }
.badge.state-reabierto { background: #fde2e2; color: #8a1c1c; }
.ticket-grid { display: grid; grid-template-columns: minmax(0, 3fr) minmax(340px, 2fr); gap: 24px; align-items: start; }
@media (max-width: 1000px) { .ticket-grid { grid-template-columns: 1fr; } }
ol.history { list-style: none; padding: 0; margin: 0; }
.event { background: #fff; border: 1px solid #e4e7eb; border-left: 5px solid #9aa5b1; padding: 6px 12px; margin: 0 0 8px; }
.event.citizen { border-left-color: #1b5fa6; } .event.agent { border-left-color: #1b7a3a; }
.event.internal { background: #fff8db; border-left-color: #c79100; }
.event-head { margin: 2px 0 4px; } .event .body { white-space: pre-wrap; overflow-wrap: anywhere; margin: 0 0 4px; }
ul.files { margin: 4px 0; padding-left: 20px; }
.ticket-actions form.action { max-width: none; margin: 0 0 12px; }
.ticket-actions h3 { margin: 0; font-size: 16px; }
form.action.compact { flex-direction: row; flex-wrap: nowrap; align-items: flex-end; }
form.action.compact label { flex: 1; min-width: 0; } form.action.compact select { width: 100%; }
form.action.internal { background: #fffbea; }
.unsent { background: #fff; border: 2px solid #a61b1b; padding: 8px 12px; margin: 0 0 12px; }
.unsent h2 { margin: 0 0 4px; font-size: 16px; color: #a61b1b; }
.key { font-size: 12px; opacity: .85; }
ol.drafts { list-style: none; padding: 0; display: grid; gap: 16px; }
li.draft { display: grid; grid-template-columns: minmax(0, 3fr) minmax(300px, 2fr); gap: 12px; align-items: start; }
li.draft form.action { margin: 0; }
.fleet-dot { display: inline-block; width: 12px; height: 12px; border-radius: 50%; margin-right: 6px; vertical-align: -1px; background: #9aa5b1; }
td.fleet-state { white-space: nowrap; }
.fleet-ok { background: #1b7a3a; } .fleet-atencion { background: #c77c00; } .fleet-caido { background: #a61b1b; }
.history-table td { padding-top: 3px; padding-bottom: 3px; font-variant-numeric: tabular-nums; }
.history-table td.time { white-space: nowrap; }
.history-table td.changed { background: #fff1c7; font-weight: 700; }
.history-table tr.history-change td { border-top: 2px solid #c77c00; }
.enroll-code { display: flex; flex-wrap: wrap; gap: 32px; align-items: flex-start; }
.enroll-code > div { flex: 0 1 560px; min-width: 320px; }
.enroll-code .code { font-family: ui-monospace, Consolas, monospace; font-size: 40px; font-weight: 700; letter-spacing: .08em; margin: 8px 0 16px; }
.enroll-code .code .sep { color: #9aa5b1; margin: 0 .15em; }
.enroll-code figure { margin: 0; padding: 8px; background: #fff; border: 1px solid #e4e7eb; }
`;
