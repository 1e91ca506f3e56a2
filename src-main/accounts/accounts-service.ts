import { z } from 'zod';
import { AccountProfile } from '../../src-shared/accounts/account-fields';
import type { OpOutput, OpParsedInput } from '../../src-shared/api/contract';
import { err, ok, type Result } from '../../src-shared/api/result';
import { CaptchaValue, ConsentPolicyValue, LoginValue } from '../../src-shared/server-api/accounts-api';
import type { BillAccess } from '../bills/bill-access';
import type { DeviceMeta } from '../device/device-meta';
import type { Logger } from '../logger';
import type { ServerClient } from '../server-link/server-client';

const Message = z.object({ message: z.string() });

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
    return this.call('GET', '/v1/accounts/policy', null, undefined, ConsentPolicyValue);
  }

  register(input: OpParsedInput<'accounts.register'>): Promise<Result<{ message: string }>> {
    return this.call('POST', '/v1/accounts/register', null, input, Message);
  }

  async login(input: OpParsedInput<'accounts.login'>): Promise<Result<LoginValue>> {
    const result = await this.call('POST', '/v1/accounts/login', null, input, LoginValue);
    if (result.ok) this.openSessions.add(result.value.session);
    return result;
  }

  captcha(): Promise<Result<CaptchaValue>> {
    return this.call('GET', '/v1/accounts/captcha', null, undefined, CaptchaValue);
  }

  recover(input: OpParsedInput<'accounts.recover'>): Promise<Result<{ message: string }>> {
    return this.call('POST', '/v1/accounts/recover', null, input, Message);
  }

  profile(session: string): Promise<Result<AccountProfile>> {
    return this.call('GET', '/v1/accounts/me', session, undefined, AccountProfile);
  }

  saveProfile(input: OpParsedInput<'accounts.saveProfile'>): Promise<Result<AccountProfile>> {
    return this.call('PUT', '/v1/accounts/me', input.session, input.profile, AccountProfile);
  }

  changePassword(input: OpParsedInput<'accounts.changePassword'>): Promise<Result<{ message: string }>> {
    const { session, ...body } = input;
    return this.call('POST', '/v1/accounts/password', session, body, Message);
  }

  confirmEmail(input: OpParsedInput<'accounts.confirmEmail'>): Promise<Result<AccountProfile>> {
    return this.call('POST', '/v1/accounts/email', input.session, { code: input.code }, AccountProfile);
  }

  /** Links the code this visit unlocked by answering its questions. */
  linkCode(input: OpParsedInput<'accounts.linkCode'>): Promise<Result<AccountProfile>> {
    const code = this.bills.codeFor(input.accessId);
    if (code === null) return Promise.resolve(err('unauthorized', 'Para vincular un código interno, primero responda las preguntas de ese código.'));
    return this.call('POST', '/v1/accounts/links', input.session, { codigoInterno: code }, AccountProfile);
  }

  /** A linked code's bills, without its questions: the server confirms the link first. */
  async openCode(input: OpParsedInput<'accounts.openCode'>): Promise<Result<OpOutput<'accounts.openCode'>>> {
    const profile = await this.profile(input.session);
    if (!profile.ok) return profile;
    if (!profile.value.codes.includes(input.codigoInterno)) return err('forbidden', 'Ese código interno no está vinculado a su cuenta.');
    return this.bills.grantLinked(input.codigoInterno);
  }

  logout(session: string): Promise<Result<{ message: string }>> {
    this.openSessions.delete(session);
    return this.call('POST', '/v1/accounts/logout', session, {}, Message);
  }

  /**
   * The kiosk visit ended (idle timeout, «Terminar»): whoever was logged in is logged out on
   * the server too, not only forgotten by the screen. Without a connection the server's own
   * idle limit ends the session.
   */
  endVisit(): void {
    for (const session of [...this.openSessions]) void this.logout(session);
  }

  private async call<T>(method: 'GET' | 'POST' | 'PUT', route: string, session: string | null, body: unknown, schema: z.ZodType<T>): Promise<Result<T>> {
    const token = this.meta.get('deviceToken');
    if (token === null) return err('not-enrolled', 'Este equipo todavía no está inscrito en el servidor central: las cuentas no están disponibles. Avise al personal de la oficina.');
    const result = await this.client.account(method, route, token, session, body, schema);
    if (!result.ok && result.error.code === 'offline') {
      this.log.info({ route }, 'account call without a server');
      return err('offline', accountsOffline);
    }
    return result.ok ? ok(result.value) : result;
  }
}
