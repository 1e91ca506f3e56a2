import type { AccountProfile } from '../../src-shared/accounts/account-fields';
import type { OpOutput, OpParsedInput } from '../../src-shared/api/contract';
import { err, ok, type Result } from '../../src-shared/api/result';
import type { CaptchaValue, ConsentPolicyValue, LoginValue } from '../../src-shared/server-api/accounts-api';
import type { RouteCredentials, RouteInput, RouteName, RouteValue } from '../../src-shared/server-api/routes';
import type { CitizenSession } from '../api/callers';
import type { BillAccess } from '../bills/bill-access';
import type { DeviceMeta } from '../device/device-meta';
import type { Logger } from '../logger';
import type { ServerClient } from '../server-link/server-client';

/** Accounts need the central server; without it the citizen is told plainly and what still works. */
export const accountsOffline =
  'Las cuentas de usuario necesitan conexión con el servidor central y en este momento no la hay. ' +
  'Mientras tanto puede imprimir su factura, ver su historial de pagos y sus facturas anteriores con su código interno.';

/**
 * The kiosk's side of citizen accounts: each operation goes to the central server with this
 * device's token (the server throttles and records consent per device), and the server's
 * Spanish answer comes back as it is. Nothing about the account is stored on the device.
 * Linked códigos internos open their bills here, from the replica, once the server confirms
 * the link.
 */
export class AccountsService {
  /** Account sessions opened on this kiosk during the current visit, ended with the visit. */
  private readonly openSessions = new Set<string>();

  constructor(
    private readonly client: ServerClient,
    private readonly meta: DeviceMeta,
    private readonly bills: BillAccess,
    private readonly log: Logger,
  ) {}

  policy(): Promise<Result<ConsentPolicyValue>> {
    return this.send('accounts.policy', {}, (token) => ({ token }));
  }

  register(input: OpParsedInput<'accounts.register'>): Promise<Result<{ message: string }>> {
    return this.send('accounts.register', input, (token) => ({ token }));
  }

  async login(input: OpParsedInput<'accounts.login'>): Promise<Result<LoginValue>> {
    const result = await this.send('accounts.login', input, (token) => ({ token }));
    if (result.ok) this.openSessions.add(result.value.session);
    return result;
  }

  captcha(): Promise<Result<CaptchaValue>> {
    return this.send('accounts.captcha', {}, (token) => ({ token }));
  }

  recover(input: OpParsedInput<'accounts.recover'>): Promise<Result<{ message: string }>> {
    return this.send('accounts.recover', input, (token) => ({ token }));
  }

  profile(session: string): Promise<Result<AccountProfile>> {
    return this.send('accounts.profile', {}, (token) => ({ token, session }));
  }

  saveProfile(input: OpParsedInput<'accounts.saveProfile'>): Promise<Result<AccountProfile>> {
    return this.send('accounts.saveProfile', input.profile, (token) => ({ token, session: input.session }));
  }

  changePassword(input: OpParsedInput<'accounts.changePassword'>): Promise<Result<{ message: string }>> {
    const { session, ...body } = input;
    return this.send('accounts.changePassword', body, (token) => ({ token, session }));
  }

  confirmEmail(input: OpParsedInput<'accounts.confirmEmail'>): Promise<Result<AccountProfile>> {
    return this.send('accounts.confirmEmail', { code: input.code }, (token) => ({ token, session: input.session }));
  }

  /** Links the code this visit unlocked by answering its questions. */
  linkCode(input: OpParsedInput<'accounts.linkCode'>): Promise<Result<AccountProfile>> {
    const code = this.bills.codeFor(input.accessId);
    if (code === null)
      return Promise.resolve(
        err('forbidden', 'Para vincular un código interno, primero responda las preguntas de ese código.'),
      );
    return this.send('accounts.linkCode', { codigoInterno: code }, (token) => ({ token, session: input.session }));
  }

  /** A linked code's bills, without its questions: the server confirms the link first. */
  async openCode(input: OpParsedInput<'accounts.openCode'>): Promise<Result<OpOutput<'accounts.openCode'>>> {
    const profile = await this.profile(input.session);
    if (!profile.ok) return profile;
    if (!profile.value.codes.includes(input.codigoInterno))
      return err('forbidden', 'Ese código interno no está vinculado a su cuenta.');
    return this.bills.grantLinked(input.codigoInterno);
  }

  logout(session: string): Promise<Result<{ message: string }>> {
    this.openSessions.delete(session);
    return this.send('accounts.logout', {}, (token) => ({ token, session }));
  }

  /**
   * The kiosk visit ended (idle timeout, «Terminar»): whoever was logged in is logged out on
   * the server too, not only forgotten by the screen. Without a connection the server's own
   * idle limit ends the session.
   */
  endVisit(): void {
    for (const session of [...this.openSessions]) void this.logout(session);
  }

  /**
   * A session this kiosk opened in this visit, or `session-ended`: the dispatcher asks, for
   * operations whose auth is a citizen session, before anything goes to the server (which checks
   * it again and answers `session-ended` for one it ended itself).
   */
  resolveSession(session: string): Result<CitizenSession> {
    return this.openSessions.has(session)
      ? ok({ session })
      : err('session-ended', 'Su sesión terminó. Ingrese de nuevo con su número de documento y contraseña.');
  }

  /** Sends one account route with this device's token; without the server, the citizen is told what still works. */
  private async send<K extends RouteName>(
    route: K,
    input: RouteInput<K>,
    credentials: (token: string) => RouteCredentials<K>,
  ): Promise<Result<RouteValue<K>>> {
    const token = this.meta.get('deviceToken');
    if (token === null)
      return err(
        'not-enrolled',
        'Este equipo todavía no está inscrito en el servidor central: las cuentas no están disponibles. Avise al personal de la oficina.',
      );
    const result = await this.client.call(route, input, credentials(token));
    if (!result.ok && result.error.code === 'offline') {
      this.log.info({ route }, 'account call without a server');
      return err('offline', accountsOffline);
    }
    return result;
  }
}
