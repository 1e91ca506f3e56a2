import { err } from '../../src-shared/api/result';
import { registerCertificateRoutes, type ResolveCertificate } from './routes/certificate-routes';
import { randomBytes } from 'node:crypto';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { PasswordWork } from '../accounts/password-work';
import type { TicketContext } from '../tickets/ticket-context';
import type { ServerDatabase } from '../db/open';
import type { SqlExecutor } from '../db/sql-executor';
import type { Logger } from '../logger';
import type { BankImportSummary } from './bank-file-pages';
import { clearCookie, csrfMatches, readCookie, redirect, secureHeaders, sendPage, setCookie } from './console-http';
import { consoleIcon, consolePaths, consoleStyles, type PageFrame } from './console-layout';
import { staffLogin, type StaffMember } from './console-login';
import { ConsoleSessions, type ConsoleNotice, type ConsoleSession } from './console-sessions';
import { acceptForms, isFormFields, type FormFields } from './form-bodies';
import type { Html } from './html';
import { loginPage, messagePage } from './login-page';
import { registerBankFileRoutes } from './routes/bank-file-routes';
import { registerFieldHandoverRoutes } from './routes/field-handover-routes';
import { registerFieldRouteRoutes } from './routes/field-route-routes';
import { registerFleetRoutes } from './routes/fleet-routes';
import { registerFleetDiagnosticsRoutes } from './routes/fleet-diagnostics-routes';
import { registerFleetChannelRoutes } from './routes/fleet-channel-routes';
import { registerGatewayRoutes } from './routes/gateway-routes';
import { registerLiquidationRoutes } from './routes/liquidation-routes';
import { registerReviewRoutes } from './routes/review-routes';
import { registerTicketRoutes } from './routes/ticket-routes';
import { registerWalletRoutes } from './routes/wallet-routes';

/** importBankFile (src-server/wallet/bank-files/import-bank-file.ts) as the console calls it. */
export type BankFileImport = (
  exec: SqlExecutor,
  input: { fileName: string; text: string; importedBy: string; now: Date },
) => Promise<BankImportSummary>;

export interface ConsoleDeps {
  readonly database: ServerDatabase;
  /** The server's bounded scrypt work, shared with the account routes. */
  readonly passwords: PasswordWork;
  readonly log: Logger;
  readonly now: () => Date;
  /** Absent until the bank-file import exists: the page then says so. */
  readonly importBankFile?: BankFileImport | null;
  /** Largest bank file accepted, in bytes; refused before it is read past this. */
  readonly bankFileMaxBytes?: number;
  /** Decides a certificate copy whose delivery is unknown; absent: «Certificados» only lists. */
  readonly resolveCertificate?: ResolveCertificate;
  /** Support tickets (tickets/ticket-context.ts); absent: the console has no «Tickets» pages. */
  readonly tickets?: TicketContext;
  /** A field device's routes changed: long-polling devices answer now (feed-notifier.ts `wakeAll`). */
  readonly routesChanged?: () => void;
  /** Seconds after which «Equipos» reloads itself, read per page; absent: fleetRefreshSeconds (15). */
  readonly fleetRefreshSeconds?: () => number;
}

const noCertificateDecisions: ResolveCertificate = () =>
  Promise.resolve(err('forbidden', 'Este servidor no decide entregas de certificados.'));

/** 100,000 records of 162 characters plus line ends: the largest file the bench imports, with room. */
export const defaultBankFileMaxBytes = 32 * 1024 * 1024;

/** What every page handler gets: the staff member, the frame's fields, the way back with a notice. */
export interface ConsoleRequestContext {
  readonly staff: StaffMember;
  /** The frame of the page, with any notice left by the action before it (shown once). */
  frame(): Omit<PageFrame, 'title' | 'active'>;
  /**
   * After an action: a 303 to `location`, whose page shows `notice` once (post/redirect/get).
   * The notice is in the session's row before the answer leaves, so whichever instance serves
   * the next page shows it.
   */
  redirectWith(reply: FastifyReply, location: string, notice: ConsoleNotice): Promise<FastifyReply>;
}

export type PageHandler = (
  request: FastifyRequest,
  reply: FastifyReply,
  ctx: ConsoleRequestContext,
) => Promise<unknown>;
export type ActionHandler = (
  request: FastifyRequest,
  reply: FastifyReply,
  ctx: ConsoleRequestContext,
  form: FormFields,
) => Promise<unknown>;

/** How the page modules register their routes behind the session and CSRF checks. */
export interface ConsoleRouter {
  readonly deps: ConsoleDeps;
  page(path: string, handler: PageHandler): void;
  /** A POST of a urlencoded form (or multipart, with `multipart: true`); the CSRF token checked first. */
  action(path: string, handler: ActionHandler, opts?: { multipart?: boolean; bodyLimit?: number }): void;
}

/**
 * The staff console (docs/staff-console.md) at /consola: server-rendered pages with plain forms,
 * no script. Every page needs a live session of an active staff member; every POST needs the
 * session's CSRF token; supervisors and admins act, everyone reads (staff-roles.ts).
 */
export function consoleRoutes(deps: ConsoleDeps): (app: FastifyInstance) => Promise<void> {
  return async (app) => {
    const sessions = new ConsoleSessions(deps.database.exec, deps.now);
    const bankFileMaxBytes = deps.bankFileMaxBytes ?? defaultBankFileMaxBytes;
    acceptForms(app, bankFileMaxBytes);
    installConsoleErrors(app, deps.log, (request) => tooLargePage(request, deps, bankFileMaxBytes));

    app.get(consolePaths.styles, async (_request, reply) =>
      secureHeaders(reply).type('text/css; charset=utf-8').send(consoleStyles),
    );
    app.get(consolePaths.icon, async (_request, reply) => secureHeaders(reply).type('image/svg+xml').send(consoleIcon));
    app.get(consolePaths.root, async (request, reply) => {
      const found = await sessionOf(request);
      return redirect(reply, found === null ? consolePaths.login : homeOf(found.staff));
    });

    app.get(consolePaths.login, async (request, reply) => {
      const found = await sessionOf(request);
      if (found !== null) return redirect(reply, homeOf(found.staff));
      return showLogin(request, reply, {});
    });

    app.post(consolePaths.login, async (request, reply) => {
      const form = isFormFields(request.body) ? request.body : {};
      const expected = readCookie(request, 'login');
      if (expected === undefined || !csrfMatches(request, expected, form.csrf)) {
        deps.log.info({ reason: 'csrf' }, 'console login refused');
        return showLogin(request, reply, {
          status: 403,
          notice: 'La página de ingreso venció o no se pudo verificar. Escriba de nuevo su usuario y contraseña.',
        });
      }
      const username = form.usuario ?? '';
      const result = await staffLogin(
        deps.database.exec,
        deps.passwords,
        { username, password: form.contrasena ?? '' },
        request.ip,
        deps.now(),
      );
      if (!result.ok) {
        deps.log.info({ reason: result.error.code }, 'console login refused');
        const status = result.error.code === 'locked' ? 429 : result.error.code === 'validation' ? 400 : 401;
        return showLogin(request, reply, { status, notice: result.error.message, username });
      }
      const staff = result.value;
      // A new session id at every login (no fixation), and the login form's token is spent.
      const { token } = await sessions.open({ staffId: staff.id, changesThrough: staff.changesThrough });
      clearCookie(request, reply, 'login');
      setCookie(request, reply, 'session', token);
      deps.log.info({ staff: staff.username, role: staff.role }, 'console login');
      return redirect(reply, homeOf(staff));
    });

    app.post(consolePaths.logout, async (request, reply) => {
      const token = readCookie(request, 'session');
      const session = await sessions.touch(token, { takeNotice: false });
      const form = isFormFields(request.body) ? request.body : {};
      if (session !== null && csrfMatches(request, session.csrfToken, form.csrf)) {
        await sessions.close(token);
        deps.log.info({ staff: session.staff.username }, 'console logout');
        clearCookie(request, reply, 'session');
      }
      return redirect(reply, consolePaths.login);
    });

    /** Where a staff member starts: a support agent at the ticket queue, everyone else at «Prepagos». */
    function homeOf(staff: StaffMember): string {
      return deps.tickets !== undefined && staff.role === 'soporte' ? consolePaths.tickets : consolePaths.wallets;
    }

    /**
     * The live session of the request's cookie with its active staff member, or null (the session
     * is then ended). `takeNotice`: a page about to be shown takes the notice an action left.
     */
    async function sessionOf(request: FastifyRequest, takeNotice = false): Promise<FoundSession | null> {
      const token = readCookie(request, 'session');
      const session = await sessions.touch(token, { takeNotice });
      return session === null || token === undefined ? null : { token, session, staff: session.staff };
    }

    function context(found: FoundSession): ConsoleRequestContext {
      let notice = found.session.notice;
      return {
        staff: found.staff,
        frame: () => {
          const shown = notice;
          notice = null;
          return {
            staff: found.staff,
            csrf: found.session.csrfToken,
            notice: shown,
            tickets: deps.tickets !== undefined,
          };
        },
        redirectWith: async (reply, location, left) => {
          await sessions.leaveNotice(found.token, left);
          return redirect(reply, location);
        },
      };
    }

    function showLogin(
      request: FastifyRequest,
      reply: FastifyReply,
      opts: { status?: number; notice?: string; username?: string },
    ): FastifyReply {
      const csrf = randomBytes(32).toString('base64url');
      setCookie(request, reply, 'login', csrf);
      return sendPage(
        reply,
        loginPage({
          csrf,
          ...(opts.username === undefined ? {} : { username: opts.username }),
          notice: opts.notice === undefined ? null : { kind: 'error', text: opts.notice },
        }),
        opts.status ?? 200,
      );
    }

    const router: ConsoleRouter = {
      deps,
      page(path, handler) {
        app.get(path, async (request, reply) => {
          const found = await sessionOf(request, true);
          if (found === null) return redirect(reply, consolePaths.login);
          return handler(request, reply, context(found));
        });
      },
      action(path, handler, opts = {}) {
        // The session is checked before the body is read: without one, a form's body (up to a
        // bank file's or a ticket answer's limit) is never taken in.
        const checked = new WeakMap<FastifyRequest, FoundSession>();
        app.post(
          path,
          {
            ...(opts.bodyLimit === undefined ? {} : { bodyLimit: opts.bodyLimit }),
            onRequest: async (request, reply) => {
              const found = await sessionOf(request);
              // Nothing is done without a session: back to «Ingresar», and the action is not kept.
              if (found === null) return redirect(reply, consolePaths.login);
              checked.set(request, found);
              return undefined;
            },
          },
          async (request, reply) => {
            const found = checked.get(request);
            if (found === undefined) return redirect(reply, consolePaths.login);
            const body: unknown = request.body;
            const form: FormFields | undefined = opts.multipart
              ? isMultipart(body)
                ? body.fields
                : undefined
              : isFormFields(body)
                ? body
                : undefined;
            if (form === undefined || !csrfMatches(request, found.session.csrfToken, form.csrf)) {
              deps.log.warn({ staff: found.staff.username, route: path }, 'console action refused: CSRF token');
              return sendPage(
                reply,
                messagePage(
                  'No se pudo verificar la solicitud',
                  'La página desde la que se envió no es de esta sesión. No se hizo ningún cambio. Vuelva a abrir la página e intente de nuevo.',
                  { href: consolePaths.wallets, label: 'Volver a la consola' },
                ),
                403,
              );
            }
            return handler(request, reply, context(found), form);
          },
        );
      },
    };

    registerWalletRoutes(router);
    registerLiquidationRoutes(router);
    registerReviewRoutes(router);
    registerGatewayRoutes(router);
    registerBankFileRoutes(router, bankFileMaxBytes);
    registerCertificateRoutes(router, deps.resolveCertificate ?? noCertificateDecisions);
    registerFieldRouteRoutes(router);
    registerFieldHandoverRoutes(router);
    registerFleetRoutes(router);
    registerFleetDiagnosticsRoutes(router);
    registerFleetChannelRoutes(router);
    if (deps.tickets !== undefined) registerTicketRoutes(router, deps.tickets);
  };
}

/** A request's live session: its cookie's value (to leave a notice in its row), the session, its member. */
interface FoundSession {
  readonly token: string;
  readonly session: ConsoleSession;
  readonly staff: StaffMember;
}

const isMultipart = (body: unknown): body is { fields: FormFields } =>
  typeof body === 'object' && body !== null && 'fields' in body && 'files' in body;

/** The answer to a body over its route's limit: a bank file, or a ticket answer's files. */
function tooLargePage(request: FastifyRequest, deps: ConsoleDeps, bankFileMaxBytes: number) {
  const megabytes = (bytes: number) => Math.floor(bytes / 1_048_576);
  if (deps.tickets !== undefined && request.url.startsWith(`${consolePaths.tickets}/`)) {
    const { maxCount, maxBytes } = deps.tickets.attachments.config;
    return messagePage(
      'Los archivos son demasiado grandes',
      `Se aceptan hasta ${maxCount} archivos de hasta ${megabytes(maxBytes)} MB cada uno. No se envió nada: vuelva al ticket y escriba de nuevo su respuesta con archivos más pequeños.`,
      { href: request.url.replace(/\/responder$/, ''), label: 'Volver al ticket' },
    );
  }
  return messagePage(
    'El archivo es demasiado grande',
    `Se aceptan archivos de hasta ${megabytes(bankFileMaxBytes)} MB. No se importó nada.`,
    { href: consolePaths.bankFiles, label: 'Volver a Archivos del banco' },
  );
}

/** Errors inside the console answer as pages, not the device API's JSON. */
function installConsoleErrors(app: FastifyInstance, log: Logger, tooLarge: (request: FastifyRequest) => Html): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    const status = error.statusCode ?? 500;
    if (status === 413) {
      return sendPage(reply.header('connection', 'close'), tooLarge(request), 413);
    }
    if (status >= 400 && status < 500) {
      log.info({ reqId: request.id, code: error.code, status }, 'console request refused');
      return sendPage(
        reply,
        messagePage('Solicitud no válida', 'La solicitud no se pudo leer. No se hizo ningún cambio.', {
          href: consolePaths.root,
          label: 'Volver a la consola',
        }),
        status,
      );
    }
    log.error({ reqId: request.id, err: error }, 'console request failed');
    return sendPage(
      reply,
      messagePage(
        'Ocurrió un error',
        'La consola no pudo completar la solicitud. Intente de nuevo en un momento; si continúa, avise a soporte.',
        { href: consolePaths.root, label: 'Volver a la consola' },
      ),
      500,
    );
  });
}
