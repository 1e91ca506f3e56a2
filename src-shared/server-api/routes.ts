import { z } from 'zod';
import { AccountProfile } from '../accounts/account-fields';
import {
  CaptchaValue,
  ChangePasswordRequest,
  ChangePasswordValue,
  ConfirmEmailRequest,
  ConsentPolicyValue,
  LinkCodeRequest,
  LoginRequest,
  LoginValue,
  LogoutRequest,
  LogoutValue,
  RecoverRequest,
  RecoverValue,
  RegisterRequest,
  RegisterValue,
  UpdateProfileRequest,
} from './accounts-api';
import { PhoneLink } from '../api/phone-link';
import { RouteChecksumValue } from '../field/route-checksum';
import { certificateRoutes } from './certificate-routes';
import { snapshotRoutes } from './snapshot-routes';
import { diagnosticRoutes } from './diagnostic-routes';
import { KioskStaffMember, KioskStaffSignIn } from './kiosk-staff-api';
import { ticketRoutes } from './ticket-routes';
import { EnrollRequest, EnrollValue, HelloValue } from './device-api';
import { DeviceReport, DeviceReportValue } from './device-report';
import { PhoneLinkQuery } from './documents-api';
import { HandoverFiguresRequest, HandoverFiguresValue } from './field-api';
import { defineRoute, type AuthCredentials, type ServerRoute } from './route';
import { PullQuery, PullValue, PushRequest, PushValue } from './sync-api';
import {
  CheckoutRequest,
  CheckoutStateRequest,
  CheckoutStateValue,
  CheckoutValue,
  CreateLiquidationRequest,
  HolderCredentials,
  LiquidationValue,
  LookupLiquidationRequest,
  LookupLiquidationValue,
  MessageValue,
  RecoverLiquidationRequest,
  RequestNewClaveRequest,
  ServerDocumentValue,
  StatementValue,
  UpdateContactRequest,
  UpdateContactValue,
  VolanteRequest,
  VolanteSlipValue,
  WalletStartRequest,
  WalletStartValue,
  WalletTermsValue,
} from './wallet-api';

/**
 * The device ↔ central server API: every route a device calls, written here and nowhere else
 * (a feature's part of the map, like certificate-routes.ts, is spread into this one object).
 * The server registers each one from this map (src-server/http/api-route.ts: method, path, body
 * limit, auth, input parsed with Spanish errors, the envelope) and the device's ServerClient
 * builds each call from it and parses the answer with its `response`. A contract test
 * (tests/unit/server-api/route-map.test.ts) holds the server's `/v1` routes to this list.
 *
 * Not in the map, because no device calls them: `GET /health` (load balancers and the admin
 * command; a bare JSON body, no envelope), the admin routes under `/admin/v1` (loopback and the
 * local admin token, for `npm run admin`: src-server/http/routes/admin.ts) and the demo mailbox
 * pages (HTML, loopback and a per-start token).
 */

/** A GET without query parameters (anything sent is ignored), or a POST whose body says nothing. */
const NoInput = z.object({});

export const serverRoutes = {
  'device.enroll': defineRoute({
    summary: 'Exchanges a one-time enrollment code made by an administrator for the device’s token and identity.',
    method: 'POST',
    path: '/v1/enroll',
    auth: 'none',
    request: EnrollRequest,
    response: EnrollValue,
    timeout: 'short',
  }),
  'device.hello': defineRoute({
    summary:
      'Who the server says this device is, the entity, the server’s clock and how much data it holds; said every few seconds.',
    method: 'GET',
    path: '/v1/device/hello',
    auth: 'device',
    request: NoInput,
    response: HelloValue,
    timeout: 'short',
  }),
  'device.report': defineRoute({
    summary:
      'The heartbeat: version, printers, dispenser, outbox, clock and disk, every few minutes and on change; kept for staff, trusted for nothing.',
    method: 'POST',
    path: '/v1/device/report',
    auth: 'device',
    request: DeviceReport,
    response: DeviceReportValue,
    timeout: 'short',
  }),
  'kiosk.staffSignIn': defineRoute({
    summary:
      'A staff member at a kiosk’s hidden gesture: username and password checked by the server (kiosks hold no staff accounts), throttled per username and per device; kiosks only, and not a cashier.',
    method: 'POST',
    path: '/v1/kiosk/staff-sign-in',
    auth: 'device',
    request: KioskStaffSignIn,
    response: KioskStaffMember,
    timeout: 'long',
  }),
  'sync.pull': defineRoute({
    summary:
      'One page of the change feed after a cursor, filtered to what this device may hold; `wait` makes it a long poll.',
    method: 'GET',
    path: '/v1/sync/pull',
    auth: 'device',
    request: PullQuery,
    // `changes` is `unknown[]` here: the device checks each row against its table while applying the page (sync-api.ts).
    response: PullValue,
    timeout: 'bulk',
    prebuiltAnswer: true,
  }),
  'sync.push': defineRoute({
    summary: 'A batch of outbox events; each is answered applied, duplicate or rejected with a reason.',
    method: 'POST',
    path: '/v1/sync/push',
    auth: 'device',
    request: PushRequest,
    response: PushValue,
    // Up to maxPushBatch events; a first upload after days offline fills whole batches.
    bodyLimit: 4 * 1024 * 1024,
    timeout: 'bulk',
  }),
  'sync.routeChecksum': defineRoute({
    summary:
      'For the calling field device only: row counts and a checksum of what its replica must hold of its assigned routes, with the feed cursor they were read at («Preparar salida»). Kiosks and counters are refused.',
    method: 'GET',
    path: '/v1/sync/route-checksum',
    auth: 'device',
    request: NoInput,
    response: RouteChecksumValue,
    timeout: 'long',
  }),
  'field.handoverFigures': defineRoute({
    summary:
      'For the calling field device only: the server’s payments of some of its collection days (count and amount per cash session) and the saldo a favor made of them, checked before an entrega de recaudo.',
    method: 'POST',
    path: '/v1/field/handover-figures',
    auth: 'device',
    request: HandoverFiguresRequest,
    response: HandoverFiguresValue,
    timeout: 'long',
  }),
  'accounts.policy': defineRoute({
    summary: 'The data-treatment authorization (Ley 1581) the registration form shows, with its version.',
    method: 'GET',
    path: '/v1/accounts/policy',
    auth: 'device',
    request: NoInput,
    response: ConsentPolicyValue,
    timeout: 'long',
  }),
  'accounts.register': defineRoute({
    summary: 'Creates a citizen account and mails the access data; the same answer whether or not one existed.',
    method: 'POST',
    path: '/v1/accounts/register',
    auth: 'device',
    request: RegisterRequest,
    response: RegisterValue,
    timeout: 'long',
  }),
  'accounts.login': defineRoute({
    summary: 'Document number and password → an account session for this device.',
    method: 'POST',
    path: '/v1/accounts/login',
    auth: 'device',
    request: LoginRequest,
    response: LoginValue,
    timeout: 'long',
  }),
  'accounts.captcha': defineRoute({
    summary: 'A new captcha image for password recovery.',
    method: 'GET',
    path: '/v1/accounts/captcha',
    auth: 'device',
    request: NoInput,
    response: CaptchaValue,
    timeout: 'long',
  }),
  'accounts.recover': defineRoute({
    summary:
      'Document number and captcha → a temporary password by mail; the same answer whether or not the account exists.',
    method: 'POST',
    path: '/v1/accounts/recover',
    auth: 'device',
    request: RecoverRequest,
    response: RecoverValue,
    timeout: 'long',
  }),
  'accounts.profile': defineRoute({
    summary: 'The logged-in citizen’s data and linked códigos internos.',
    method: 'GET',
    path: '/v1/accounts/me',
    auth: 'account',
    request: NoInput,
    response: AccountProfile,
    timeout: 'long',
  }),
  'accounts.saveProfile': defineRoute({
    summary: '«Modificar usuario»: names, email (confirmed by a mailed code), phones, address, municipality.',
    method: 'PUT',
    path: '/v1/accounts/me',
    auth: 'account',
    request: UpdateProfileRequest,
    response: AccountProfile,
    timeout: 'long',
  }),
  'accounts.changePassword': defineRoute({
    summary: '«Cambio de contraseña»: the current one and the new one twice; the account’s other sessions end.',
    method: 'POST',
    path: '/v1/accounts/password',
    auth: 'account',
    request: ChangePasswordRequest,
    response: ChangePasswordValue,
    timeout: 'long',
  }),
  'accounts.linkCode': defineRoute({
    summary: 'Links a código interno whose questions the citizen just answered on this device.',
    method: 'POST',
    path: '/v1/accounts/links',
    auth: 'account',
    request: LinkCodeRequest,
    response: AccountProfile,
    timeout: 'long',
  }),
  'accounts.confirmEmail': defineRoute({
    summary: 'The 6-digit code mailed to a new address; the address becomes the account’s.',
    method: 'POST',
    path: '/v1/accounts/email',
    auth: 'account',
    request: ConfirmEmailRequest,
    response: AccountProfile,
    timeout: 'long',
  }),
  'accounts.logout': defineRoute({
    summary: 'Ends the account session named in the header, if it is still open.',
    method: 'POST',
    path: '/v1/accounts/logout',
    auth: 'account-optional',
    request: LogoutRequest,
    response: LogoutValue,
    timeout: 'long',
  }),
  'documents.phoneLink': defineRoute({
    summary:
      '«Llevar a mi celular»: a PDF held for minutes behind a single-use link for the citizen’s phone (kiosks only; docs/documents-to-phone.md).',
    method: 'POST',
    path: '/v1/documents/phone-links',
    auth: 'device',
    request: PhoneLinkQuery,
    response: PhoneLink,
    upload: { contentTypes: ['application/pdf'] },
    timeout: 'long',
  }),
  'wallet.terms': defineRoute({
    summary: '«Términos y condiciones de uso - Prepago de Servicios», with their version and the SHA-256 of the text.',
    method: 'GET',
    path: '/v1/wallet/terms',
    auth: 'device',
    request: NoInput,
    response: WalletTermsValue,
    timeout: 'short',
  }),
  'wallet.start': defineRoute({
    summary:
      'Records the acceptance of the terms (version, hash, time, device) for an identification; says whether it has a wallet (holder masked).',
    method: 'POST',
    path: '/v1/wallet/start',
    auth: 'device',
    request: WalletStartRequest,
    response: WalletStartValue,
    timeout: 'short',
  }),
  'wallet.createLiquidation': defineRoute({
    summary: 'A recharge liquidación (kiosks and counters only): number, recovery code, expiry, ways to pay.',
    method: 'POST',
    path: '/v1/wallet/liquidations',
    auth: 'device',
    request: CreateLiquidationRequest,
    response: LiquidationValue,
    timeout: 'short',
  }),
  'wallet.recover': defineRoute({
    summary:
      '«Recuperar transacción»: identification and recovery code → the liquidación. Throttled; one answer for every miss.',
    method: 'POST',
    path: '/v1/wallet/liquidations/recover',
    auth: 'device',
    request: RecoverLiquidationRequest,
    response: LiquidationValue,
    timeout: 'short',
  }),
  'wallet.lookupLiquidation': defineRoute({
    summary:
      'A cashier’s lookup (counters only): the volante’s GS1-128, the liquidación number or its recovery code → the liquidación to take.',
    method: 'POST',
    path: '/v1/wallet/liquidations/lookup',
    auth: 'device',
    request: LookupLiquidationRequest,
    response: LookupLiquidationValue,
    timeout: 'short',
  }),
  'wallet.statement': defineRoute({
    summary: 'Identification and clave → holder data, balance, kardex, pending liquidaciones. Wrong claves throttled.',
    method: 'POST',
    path: '/v1/wallet/statement',
    auth: 'device',
    request: HolderCredentials,
    response: StatementValue,
    timeout: 'long',
  }),
  'wallet.statementPdf': defineRoute({
    summary: 'The kardex statement as a PDF (base64 in the envelope), with identification and clave.',
    method: 'POST',
    path: '/v1/wallet/statement/pdf',
    auth: 'device',
    request: HolderCredentials,
    response: ServerDocumentValue,
    timeout: 'long',
  }),
  'wallet.updateContact': defineRoute({
    summary: 'The wallet’s email, phones, address and municipality, with identification and clave.',
    method: 'PUT',
    path: '/v1/wallet/contact',
    auth: 'device',
    request: UpdateContactRequest,
    response: UpdateContactValue,
    timeout: 'long',
  }),
  'wallet.requestNewClave': defineRoute({
    summary:
      'Mails the holder a link to issue a new clave; the same answer whether or not the identification has a wallet.',
    method: 'POST',
    path: '/v1/wallet/clave/request',
    auth: 'device',
    request: RequestNewClaveRequest,
    response: MessageValue,
    timeout: 'short',
  }),
  'wallet.volante': defineRoute({
    summary: 'The volante de pago en bancos of a liquidación (PDF, base64 in the envelope), with its recovery code.',
    method: 'POST',
    path: '/v1/wallet/volante',
    auth: 'device',
    request: VolanteRequest,
    response: ServerDocumentValue,
    timeout: 'long',
  }),
  'wallet.volanteSlip': defineRoute({
    summary:
      'The facts of a liquidación’s volante (entity, liquidación, GLN, banks), with its recovery code: a receipt-only kiosk prints its thermal slip from them.',
    method: 'POST',
    path: '/v1/wallet/volante/slip',
    auth: 'device',
    request: VolanteRequest,
    response: VolanteSlipValue,
    timeout: 'short',
  }),
  'wallet.checkout': defineRoute({
    summary: 'Opens a checkout at the online gateway for a pending liquidación, with its recovery code.',
    method: 'POST',
    path: '/v1/wallet/checkout',
    auth: 'device',
    request: CheckoutRequest,
    response: CheckoutValue,
    timeout: 'long',
  }),
  'wallet.checkoutState': defineRoute({
    summary: 'The state of a checkout (by our reference) and of its liquidación.',
    method: 'POST',
    path: '/v1/wallet/checkout/state',
    auth: 'device',
    request: CheckoutStateRequest,
    response: CheckoutStateValue,
    timeout: 'short',
  }),
  ...snapshotRoutes,
  ...certificateRoutes,
  ...ticketRoutes,
  ...diagnosticRoutes,
} satisfies Record<string, ServerRoute>;

export type ServerRoutes = typeof serverRoutes;
export type RouteName = keyof ServerRoutes;
/** What the device passes to a route (before the server's parsing: defaults may be left out). */
export type RouteInput<K extends RouteName> = z.input<ServerRoutes[K]['request']>;
/** What the server's handler receives, parsed. */
export type RouteParsedInput<K extends RouteName> = z.output<ServerRoutes[K]['request']>;
/** The answer's value as the device has it after parsing. */
export type RouteValue<K extends RouteName> = z.output<ServerRoutes[K]['response']>;
/** The credentials a call of the route carries. */
export type RouteCredentials<K extends RouteName> = AuthCredentials[ServerRoutes[K]['auth']];

export const routeNames = Object.keys(serverRoutes) as RouteName[];
