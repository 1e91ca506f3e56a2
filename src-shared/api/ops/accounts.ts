import { z } from 'zod';
import { AccountProfile, ProfileFields, RegistrationFields } from '../../accounts/account-fields';
import {
  CaptchaValue,
  ChangePasswordRequest,
  ConfirmEmailRequest,
  ConsentPolicyValue,
  LoginRequest,
  LoginValue,
  RecoverRequest,
} from '../../server-api/accounts-api';
import { defineOperation, kioskOnly, citizenSession, openToAll } from '../operation';
import { AccessId, CodigoInterno, SubscriberSummary } from './bills';

/**
 * Citizen accounts at the kiosk (guide 000 §1–3, 7–8 in docs/user-guides.md). They live on the central
 * server: every operation here needs it and answers `offline`, in words a citizen
 * understands, without it. The account session is held by the screen for the kiosk visit and
 * forgotten when the visit ends.
 */
const Session = z.string().min(16).max(128);
const Message = z.object({ message: z.string() });

export const accountsOps = {
  'accounts.policy': defineOperation({
    summary: 'The Ley 1581 data-treatment authorization the registration form shows, with its version.',
    reach: 'server',
    modes: kioskOnly,
    auth: openToAll,
    input: z.object({}).strict(),
    output: ConsentPolicyValue,
  }),
  'accounts.register': defineOperation({
    summary:
      '«Regístrese aquí»: creates the account and emails the access data. The same answer whether or not the document or email already had one.',
    reach: 'server',
    modes: kioskOnly,
    auth: openToAll,
    input: RegistrationFields,
    output: Message,
  }),
  'accounts.login': defineOperation({
    summary:
      '«Ingresar» with document number and password. `wrong-credentials` alike for a wrong password and an unknown document; `locked` while a growing delay runs.',
    reach: 'server',
    modes: kioskOnly,
    auth: openToAll,
    input: LoginRequest,
    output: LoginValue,
  }),
  'accounts.captcha': defineOperation({
    summary: 'A new captcha image (SVG) for «Recuperar contraseña»; good for one try within five minutes.',
    reach: 'server',
    modes: kioskOnly,
    auth: openToAll,
    input: z.object({}).strict(),
    output: CaptchaValue,
  }),
  'accounts.recover': defineOperation({
    summary:
      '«Recuperar contraseña»: document number and the captcha text → a temporary password by email (15 minutes, single use). The same answer whether or not the account exists.',
    reach: 'server',
    modes: kioskOnly,
    auth: openToAll,
    input: RecoverRequest,
    output: Message,
  }),
  'accounts.profile': defineOperation({
    summary: 'The logged-in citizen’s data and linked códigos internos.',
    reach: 'server',
    modes: kioskOnly,
    auth: citizenSession,
    input: z.object({ session: Session }).strict(),
    output: AccountProfile,
  }),
  'accounts.saveProfile': defineOperation({
    summary: '«Modificar usuario» → «Guardar»: names, email, phones, address, municipality (never the document).',
    reach: 'server',
    modes: kioskOnly,
    auth: citizenSession,
    input: z.object({ session: Session, profile: ProfileFields }).strict(),
    output: AccountProfile,
  }),
  'accounts.changePassword': defineOperation({
    summary: '«Cambio de contraseña»: the current one and the new one twice; other sessions of the account end.',
    reach: 'server',
    modes: kioskOnly,
    auth: citizenSession,
    input: ChangePasswordRequest.extend({ session: Session }).strict(),
    output: Message,
  }),
  'accounts.confirmEmail': defineOperation({
    summary: 'The 6-digit code mailed to a new email from «Modificar usuario»; the address becomes the account’s.',
    reach: 'server',
    modes: kioskOnly,
    auth: citizenSession,
    input: ConfirmEmailRequest.extend({ session: Session }).strict(),
    output: AccountProfile,
  }),
  'accounts.linkCode': defineOperation({
    summary:
      'Links to the account the código interno whose validation questions this kiosk visit just passed (its access id).',
    reach: 'server',
    modes: kioskOnly,
    auth: citizenSession,
    input: z.object({ session: Session, accessId: AccessId }).strict(),
    output: AccountProfile,
  }),
  'accounts.openCode': defineOperation({
    summary: 'Opens the bills of a código interno linked to the account without asking its questions again.',
    reach: 'server',
    modes: kioskOnly,
    auth: citizenSession,
    input: z.object({ session: Session, codigoInterno: CodigoInterno }).strict(),
    output: z.object({ accessId: AccessId, subscriber: SubscriberSummary }),
  }),
  'accounts.logout': defineOperation({
    summary: '«Cerrar sesión». Also done by the screen when the kiosk visit ends.',
    reach: 'server',
    modes: kioskOnly,
    auth: citizenSession,
    input: z.object({ session: Session }).strict(),
    output: Message,
  }),
};
