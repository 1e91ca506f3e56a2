import { ticketLinkPath } from '../ticket-links';

/**
 * The citizens' support pages on the central server (docs/tickets.md, «Web pages»). Tokens in
 * these paths are ticket links (ticket-links.ts): 32 random bytes that open one ticket until they
 * expire. Nothing personal is ever put in an address: no email, no name.
 */
export const supportPaths = {
  start: '/soporte',
  styles: '/soporte/estilos.css',
  create: '/soporte/crear',
  /** The code page of a web draft; the draft id is useless without the mailed code. */
  code: (draftId: string): string => `/soporte/codigo/${draftId}`,
  resend: (draftId: string): string => `/soporte/codigo/${draftId}/reenviar`,
  created: (token: string): string => `/soporte/creado/${token}`,
  lookup: '/soporte/lista',
  /** The list of every ticket of the address of the token's ticket. */
  list: (token: string): string => `/soporte/lista/${token}`,
  /** Opens one ticket of that list: a fresh link for it, and a redirect to its page. */
  listed: (token: string, number: string): string => `/soporte/lista/${token}/${encodeURIComponent(number)}`,
  /** The ticket's page: the same address the mailed solution link opens. */
  ticket: (token: string): string => `${ticketLinkPath}${token}`,
  message: (token: string): string => `${ticketLinkPath}${token}/mensaje`,
  accept: (token: string): string => `${ticketLinkPath}${token}/aceptar`,
  reject: (token: string): string => `${ticketLinkPath}${token}/rechazar`,
  attachment: (token: string, id: string): string => `${ticketLinkPath}${token}/adjuntos/${id}`,
  /** The site's icon (the console's: one mark for the whole server). */
  icon: '/consola/icono.svg',
} as const;

/** How long a link made by a web lookup or a new ticket opens its page: the time of one visit. */
export const webLinkMs = 60 * 60_000;
