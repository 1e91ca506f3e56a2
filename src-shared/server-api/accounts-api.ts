import { z } from 'zod';
import { AccountProfile, ProfileFields, RegistrationFields } from '../accounts/account-fields';
import { maxPasswordLength } from '../accounts/password-policy';

/**
 * The shapes of the central server's citizen-account routes (`accounts.*` in routes.ts,
 * docs/accounts-security.md), called by enrolled devices with their device token; a logged-in
 * citizen's calls also carry the account session header. Shared by the server (requests) and
 * the device (answers).
 */
export { accountSessionHeader } from './route';

const Secret = z
  .string({ error: 'Escriba la contraseña.' })
  .min(1, { error: 'Escriba la contraseña.' })
  .max(maxPasswordLength * 4, { error: 'La contraseña es demasiado larga.' });

/** `accounts.policy`: the data-treatment authorization the registration form shows. */
export const ConsentPolicyValue = z.object({ version: z.string(), title: z.string(), text: z.string() });
export type ConsentPolicyValue = z.infer<typeof ConsentPolicyValue>;

/** `accounts.register` */
export const RegisterRequest = RegistrationFields;
export const RegisterValue = z.object({ message: z.string() });

/** `accounts.login` */
export const LoginRequest = z.object({ docNumber: z.string().max(24), password: Secret }).strict();
export const LoginValue = z.object({
  session: z.string(),
  /** A password the system made (emailed) was used: only «Cambio de contraseña» is open. */
  mustChangePassword: z.boolean(),
  fullName: z.string(),
});
export type LoginValue = z.infer<typeof LoginValue>;

/** `accounts.captcha` */
export const CaptchaValue = z.object({ captchaId: z.string(), svg: z.string() });
export type CaptchaValue = z.infer<typeof CaptchaValue>;

/** `accounts.recover` */
export const RecoverRequest = z
  .object({ docNumber: z.string().max(24), captchaId: z.string().max(64), captchaText: z.string().max(16) })
  .strict();
export const RecoverValue = z.object({ message: z.string() });

/** `accounts.profile` and `accounts.saveProfile` */
export const ProfileValue = AccountProfile;
export const UpdateProfileRequest = ProfileFields;

/** `accounts.changePassword` */
export const ChangePasswordRequest = z
  .object({
    currentPassword: Secret,
    newPassword: z.string().max(maxPasswordLength * 4),
    repeatPassword: z.string().max(maxPasswordLength * 4),
  })
  .strict();
export const ChangePasswordValue = z.object({ message: z.string() });

/** `accounts.linkCode`: a código interno whose questions the citizen just answered on the device. */
export const LinkCodeRequest = z.object({ codigoInterno: z.number().int().positive().max(9_999_999_999) }).strict();

/** `accounts.confirmEmail`: the code mailed to a new address, which then becomes the account's. */
export const ConfirmEmailRequest = z
  .object({
    code: z
      .string()
      .trim()
      .regex(/^\d{6}$/, { error: 'El código tiene 6 números: cópielo del correo nuevo.' }),
  })
  .strict();

/** `accounts.logout`: the session to end travels in its header; the body is empty (`{}`). */
export const LogoutRequest = z.object({});
export const LogoutValue = z.object({ message: z.string() });
