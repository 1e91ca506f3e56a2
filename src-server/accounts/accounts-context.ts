import type { ServerDatabase } from '../db/open';
import type { Logger } from '../logger';
import type { PasswordWork } from './password-work';

/** What the account services need from the running server. */
export interface AccountsContext {
  readonly database: ServerDatabase;
  /** Sends mail queued by a transaction that just committed. */
  readonly mail: { wake(): void };
  readonly log: Logger;
  readonly now: () => Date;
  /** Every scrypt hash or check of the account routes goes through it: bounded per device and in all. */
  readonly passwords: PasswordWork;
  /** The text of a new captcha; random in the product, fixed by tests that must read it. */
  readonly captchaText?: () => string;
}

/** The one answer to a login that did not match, whoever the document belongs to. */
export const wrongLogin = 'Número de documento o contraseña incorrectos.';
