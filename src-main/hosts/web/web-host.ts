import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import fastifyStatic from '@fastify/static';
import Fastify, { type FastifyInstance } from 'fastify';
import { isOpName, type OpName } from '../../../src-shared/api/contract';
import { DocumentFile } from '../../../src-shared/api/document';
import {
  apiPathPrefix,
  LaunchExchangeInput,
  launchExchangePath,
  launchFragmentKey,
  tokenHeader,
} from '../../../src-shared/api/web-protocol';
import { err, ok, type Result } from '../../../src-shared/api/result';
import { returnsDocument } from '../../../src-shared/api/web-documents';
import type { Dispatch } from '../../api/dispatcher';
import type { Logger } from '../../logger';
import { DocumentShelf } from './document-shelf';
import { documentRoute, registerDocumentsRoute } from './documents-route';
import { LaunchCodes } from './launch-codes';
import { LaunchPage } from './launch-page';
import { RequestGuard } from './request-guard';
import { ConfigError } from '../../config/app-config';

export interface WebHostOptions {
  readonly port: number;
  /** The built renderer (`dist/renderer`). */
  readonly rendererDir: string;
  readonly dispatch: Dispatch;
  readonly log: Logger;
  /** Where to keep the launch page for a kiosk's browser launcher (launch-page.ts); none when absent. */
  readonly launchPage?: string;
}

export interface WebHost {
  /** An address to open: the host's origin with a one-time launch code in the fragment. */
  readonly url: string;
  /** Another one-time launch address, for another browser or page. */
  launchUrl(): string;
  readonly origin: string;
  /** The session token a launch code is traded for; in-process callers (tests) use it directly. */
  readonly token: string;
  stop(): Promise<void>;
}

// The same policy as the renderer's <meta>; sent as a header too so it holds for every response.
// No frames and no plugins: documents are drawn by the page's own viewer (pdf.js onto canvas,
// its worker a script of this origin: `worker-src 'self'`), never by the browser's PDF viewer.
const contentSecurityPolicy =
  "default-src 'self'; script-src 'self'; worker-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; " +
  "connect-src 'self'; frame-src 'none'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'none'";

const apiRoute = `${apiPathPrefix}:op`;

/**
 * The headless host: the renderer and the contract over HTTP on 127.0.0.1 (docs/architecture.md, docs/transport.md). Used by
 * thin-client kiosks running Chromium in kiosk mode, CI and the browser tests.
 */
export async function startWebHost(options: WebHostOptions): Promise<WebHost> {
  const token = randomBytes(32).toString('base64url');
  const codes = new LaunchCodes();
  // Requests are not logged: bodies may carry personal data. Failures are logged by the dispatcher.
  const app = Fastify({ logger: false, bodyLimit: 1024 * 1024 });
  let guard: RequestGuard | null = null;

  app.addHook('onRequest', async (request, reply) => {
    reply.header('content-security-policy', contentSecurityPolicy);
    reply.header('x-content-type-options', 'nosniff');
    reply.header('referrer-policy', 'no-referrer');
    reply.header('cache-control', 'no-store');
    if (guard === null || !guard.hostAllowed(request.headers.host)) {
      return reply.code(421).send(err('forbidden', 'Dirección no permitida.'));
    }
    // Decide on the route Fastify matched, not on the raw URL: the router decodes the path,
    // so `/%61pi/app.info` reaches the API route while its raw URL does not start with /api/.
    if (request.routeOptions.url === launchExchangePath) {
      // Only this host's own page may trade a code: a browser always sends Origin with a POST.
      if (!guard.originPresentAndAllowed(request.headers.origin)) {
        return reply.code(403).send(err('forbidden', 'Origen no permitido.'));
      }
      return;
    }
    // The API and the documents its operations answered: this host's page, with the token.
    if (request.routeOptions.url !== apiRoute && request.routeOptions.url !== documentRoute) return;
    if (!guard.originAllowed(request.headers.origin)) {
      return reply.code(403).send(err('forbidden', 'Origen no permitido.'));
    }
    if (!guard.tokenValid(request.headers[tokenHeader])) {
      return reply
        .code(401)
        .send(err('wrong-credentials', 'Abra Ventanilla con la dirección que mostró la consola al iniciar.'));
    }
  });

  const shelf = new DocumentShelf();
  registerApi(app, options.dispatch, options.log, shelf);
  registerDocumentsRoute(app, shelf);
  const launchPage = options.launchPage === undefined ? null : new LaunchPage(options.launchPage);
  let pageCode: string | null = null;
  app.post(launchExchangePath, async (request, reply) => {
    const input = LaunchExchangeInput.safeParse(request.body);
    if (!input.success || !codes.redeem(input.data.code)) {
      return reply
        .code(401)
        .send(
          err(
            'wrong-credentials',
            'Esta dirección de Ventanilla ya se usó. Ábrala con una dirección nueva (la consola o la página de arranque del kiosco).',
          ),
        );
    }
    if (launchPage !== null && input.data.code === pageCode) {
      // The launch page's code is spent: the next browser start gets a fresh one.
      pageCode = codes.mint();
      await launchPage
        .write(launchAddress(pageCode))
        .catch((error: unknown) => options.log.error({ err: error }, 'could not rewrite the launch page'));
    }
    return reply.code(200).send(ok({ token }));
  });
  if (existsSync(options.rendererDir)) {
    await app.register(fastifyStatic, { root: options.rendererDir, index: 'index.html' });
  } else {
    options.log.warn({ rendererDir: options.rendererDir }, 'renderer not built; run npm run build:renderer');
  }

  const port = await listen(app, options.port);
  guard = new RequestGuard(port, token);
  const origin = `http://127.0.0.1:${port}`;
  const launchAddress = (code: string): string => `${origin}/#${launchFragmentKey}=${code}`;
  if (launchPage !== null) {
    pageCode = codes.mint();
    try {
      await launchPage.write(launchAddress(pageCode));
    } catch (cause) {
      await app.close();
      throw new Error(`No se pudo escribir la página de arranque ${options.launchPage ?? ''}.`, { cause });
    }
  }
  return {
    url: launchAddress(codes.mint()),
    launchUrl: () => launchAddress(codes.mint()),
    origin,
    token,
    async stop() {
      await app.close();
      await launchPage?.remove();
    },
  };
}

function registerApi(app: FastifyInstance, dispatch: Dispatch, log: Logger, shelf: DocumentShelf): void {
  // HTTP statuses speak only of the transport (token, origin, no such operation, unreadable
  // body). Whatever an operation answers, success or business error, is a 200 whose body is
  // the Result, exactly as over IPC: a wrong staff password must not look like a bad token.
  app.post<{ Params: { op: string } }>(apiRoute, async (request, reply) => {
    if (!isOpName(request.params.op))
      return reply.code(404).send(err('not-found', 'Esa operación no existe en esta versión de Ventanilla.'));
    const result: Result<unknown> = await dispatch(request.params.op, request.body);
    return reply.code(200).send(asTicket(request.params.op, result, shelf));
  });
  app.setErrorHandler((error: { statusCode?: number; code?: string }, _request, reply) => {
    // Fastify's own refusals (malformed JSON, body too large, wrong content type) arrive here.
    const status = error.statusCode ?? 500;
    if (status >= 500) log.error({ errorCode: error.code }, 'web host request failed');
    const body =
      status < 500
        ? err('validation', 'La solicitud no es válida.')
        : err('internal', 'Algo salió mal. Intente de nuevo.');
    return reply.code(status).send(body);
  });
  app.setNotFoundHandler((_request, reply) => reply.code(404).send(err('not-found', 'No encontrado.')));
}

/**
 * A document's bytes do not go into JSON: the page gets a ticket and fetches the bytes from
 * `GET /documents/<id>` (documents-route.ts, src-shared/api/web-documents.ts).
 */
function asTicket(op: OpName, result: Result<unknown>, shelf: DocumentShelf): Result<unknown> {
  if (!result.ok || !returnsDocument(op)) return result;
  const document = DocumentFile.safeParse(result.value);
  if (!document.success) return err('internal', 'Algo salió mal. Intente de nuevo.');
  return ok(shelf.put(document.data));
}

async function listen(app: FastifyInstance, port: number): Promise<number> {
  try {
    await app.listen({ host: '127.0.0.1', port });
  } catch (cause) {
    const code = (cause as NodeJS.ErrnoException).code;
    if (code === 'EADDRINUSE') {
      // A start-up error the person at the terminal reads as it is (scripts/run-app.ts), not a stack.
      throw new ConfigError(
        `El puerto ${port} de la aplicación lo usa otro programa (¿otro Ventanilla en esta máquina?). ` +
          'Arranque con VENTANILLA_PORT=0 para tomar un puerto libre, o con otro número.',
        { cause },
      );
    }
    throw cause;
  }
  const address = app.server.address();
  if (address === null || typeof address === 'string') throw new Error('web host has no TCP address');
  return address.port;
}
