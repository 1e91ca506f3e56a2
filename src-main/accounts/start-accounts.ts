import type { Slice } from '../api/slice';
import type { BillAccess } from '../bills/bill-access';
import type { DeviceMeta } from '../device/device-meta';
import type { Logger } from '../logger';
import type { ServerClient } from '../server-link/server-client';
import { AccountsService } from './accounts-service';

export interface AccountsDeps {
  readonly client: ServerClient;
  readonly meta: DeviceMeta;
  /** A linked código interno opens its bills without the questions. */
  readonly bills: BillAccess;
  readonly log: Logger;
}

/**
 * Citizen accounts at the kiosk, relayed to the central server. The citizen sessions opened in
 * this visit are the credential of the account operations, and end with the visit.
 */
export function startAccounts(deps: AccountsDeps): Slice {
  const accounts = new AccountsService(deps.client, deps.meta, deps.bills, deps.log);
  return {
    name: 'accounts',
    handlers: {
      'accounts.policy': () => accounts.policy(),
      'accounts.register': (input) => accounts.register(input),
      'accounts.login': (input) => accounts.login(input),
      'accounts.captcha': () => accounts.captcha(),
      'accounts.recover': (input) => accounts.recover(input),
      'accounts.profile': (_input, citizen) => accounts.profile(citizen.session),
      'accounts.saveProfile': (input) => accounts.saveProfile(input),
      'accounts.changePassword': (input) => accounts.changePassword(input),
      'accounts.confirmEmail': (input) => accounts.confirmEmail(input),
      'accounts.linkCode': (input) => accounts.linkCode(input),
      'accounts.openCode': (input) => accounts.openCode(input),
      'accounts.logout': (_input, citizen) => accounts.logout(citizen.session),
    },
    callers: { 'citizen-session': (session) => accounts.resolveSession(session) },
    endVisit: () => accounts.endVisit(),
    stop: () => Promise.resolve(),
  };
}
