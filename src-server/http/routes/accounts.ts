import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Result } from '../../../src-shared/api/result';
import {
  accountSessionHeader,
  ChangePasswordRequest,
  ConfirmEmailRequest,
  LinkCodeRequest,
  LoginRequest,
  RecoverRequest,
  RegisterRequest,
  UpdateProfileRequest,
} from '../../../src-shared/server-api/accounts-api';
import { saveProfile, changePassword, linkCode, readProfile } from '../../accounts/account-settings';
import { closeSession, resolveSession, type AccountSession } from '../../accounts/account-sessions';
import type { AccountsContext } from '../../accounts/accounts-context';
import { issueCaptcha } from '../../accounts/captcha';
import { consentPolicy } from '../../accounts/consent-policy';
import { confirmEmail } from '../../accounts/email-change';
import { login } from '../../accounts/login';
import { recover } from '../../accounts/recovery';
import { register } from '../../accounts/registration';
import { deviceOf, requireDevice } from '../device-auth';
import { HttpError, parseBody, statusFor } from '../errors';

/**
 * Citizen accounts (guide 000 in docs/user-guides.md) for enrolled devices: the device token proves which kiosk
 * asks (the throttle, the quotas and the cap on password work count per device, the consent
 * records it), the account session header which citizen. Every failure is a Spanish message
 * the kiosk shows as it comes.
 */
export function accountRoutes(ctx: AccountsContext): (app: FastifyInstance) => Promise<void> {
  return async (app) => {
    app.addHook('onRequest', requireDevice(ctx.database));
    const answer = <T>(result: Result<T>) => {
      if (!result.ok) throw new HttpError(statusFor(result.error.code), result.error);
      return { ok: true as const, value: result.value };
    };
    const session = async (request: FastifyRequest): Promise<AccountSession & { token: string; deviceId: string }> => {
      const header = request.headers[accountSessionHeader];
      const token = typeof header === 'string' ? header : '';
      const deviceId = deviceOf(request).id;
      const found = token === '' ? null : await resolveSession(ctx.database.exec, token, deviceId, ctx.now());
      if (found === null) throw new HttpError(401, { code: 'unauthorized', message: 'Su sesión terminó. Ingrese de nuevo con su número de documento y contraseña.' });
      return { ...found, token, deviceId };
    };

    app.get('/v1/accounts/policy', async () => ({ ok: true, value: consentPolicy }));
    app.post('/v1/accounts/register', async (request) => answer(await register(ctx, parseBody(RegisterRequest, request.body), deviceOf(request).id)));
    app.post('/v1/accounts/login', async (request) => {
      const body = parseBody(LoginRequest, request.body);
      return answer(await login(ctx, body.docNumber, body.password, deviceOf(request).id));
    });
    app.get('/v1/accounts/captcha', async (request) => answer(await issueCaptcha(ctx, deviceOf(request).id)));
    app.post('/v1/accounts/recover', async (request) => answer(await recover(ctx, parseBody(RecoverRequest, request.body), deviceOf(request).id)));
    app.get('/v1/accounts/me', async (request) => answer(await readProfile(ctx, await session(request))));
    app.put('/v1/accounts/me', async (request) => {
      const current = await session(request);
      return answer(await saveProfile(ctx, current, parseBody(UpdateProfileRequest, request.body)));
    });
    app.post('/v1/accounts/password', async (request) => {
      const current = await session(request);
      return answer(await changePassword(ctx, current, parseBody(ChangePasswordRequest, request.body)));
    });
    app.post('/v1/accounts/links', async (request) => {
      const current = await session(request);
      return answer(await linkCode(ctx, current, parseBody(LinkCodeRequest, request.body).codigoInterno));
    });
    app.post('/v1/accounts/email', async (request) => {
      const current = await session(request);
      return answer(await confirmEmail(ctx, current, parseBody(ConfirmEmailRequest, request.body).code));
    });
    app.post('/v1/accounts/logout', async (request) => {
      const header = request.headers[accountSessionHeader];
      if (typeof header === 'string' && header !== '') await closeSession(ctx.database.exec, header);
      return { ok: true, value: { message: 'Sesión cerrada.' } };
    });
  };
}
