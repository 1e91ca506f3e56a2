import type { FastifyInstance } from 'fastify';
import { ok } from '../../../src-shared/api/result';
import { saveProfile, changePassword, linkCode, readProfile } from '../../accounts/account-settings';
import { closeSession } from '../../accounts/account-sessions';
import type { AccountsContext } from '../../accounts/accounts-context';
import { issueCaptcha } from '../../accounts/captcha';
import { consentPolicy } from '../../accounts/consent-policy';
import { confirmEmail } from '../../accounts/email-change';
import { login } from '../../accounts/login';
import { recover } from '../../accounts/recovery';
import { register } from '../../accounts/registration';
import { apiRoutes } from '../api-route';

/**
 * Citizen accounts (guide 000 in docs/user-guides.md) for enrolled devices: the device token proves which kiosk
 * asks (the throttle, the quotas and the cap on password work count per device, the consent
 * records it), the account session header which citizen (auth `account` in routes.ts). Every
 * failure is a Spanish message the kiosk shows as it comes.
 */
export function accountRoutes(ctx: AccountsContext): (app: FastifyInstance) => Promise<void> {
  return async (app) => {
    const route = apiRoutes(app, { database: ctx.database, now: ctx.now });

    route('accounts.policy', async () => ok(consentPolicy));
    route('accounts.register', async (input, { device }) => register(ctx, input, device.id));
    route('accounts.login', async ({ docNumber, password }, { device }) => login(ctx, docNumber, password, device.id));
    route('accounts.captcha', async (_input, { device }) => issueCaptcha(ctx, device.id));
    route('accounts.recover', async (input, { device }) => recover(ctx, input, device.id));
    route('accounts.profile', async (_input, { session }) => readProfile(ctx, session));
    route('accounts.saveProfile', async (fields, { session }) => saveProfile(ctx, session, fields));
    route('accounts.changePassword', async (input, { session }) => changePassword(ctx, session, input));
    route('accounts.linkCode', async ({ codigoInterno }, { session }) => linkCode(ctx, session, codigoInterno));
    route('accounts.confirmEmail', async ({ code }, { session }) => confirmEmail(ctx, session, code));
    route('accounts.logout', async (_input, { sessionToken }) => {
      if (sessionToken !== null) await closeSession(ctx.database.exec, sessionToken);
      return ok({ message: 'Sesión cerrada.' });
    });
  };
}
