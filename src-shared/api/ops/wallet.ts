import { z } from 'zod';
import {
  CheckoutRequest,
  CheckoutStateRequest,
  CheckoutStateValue,
  CheckoutValue,
  CreateLiquidationRequest,
  HolderCredentials,
  LiquidationValue,
  MessageValue,
  RecoverLiquidationRequest,
  RequestNewClaveRequest,
  StatementValue,
  UpdateContactRequest,
  UpdateContactValue,
  VolanteRequest,
  WalletStartRequest,
  WalletStartValue,
} from '../../server-api/wallet-api';
import { DocumentFile } from '../document';
import { defineOperation, kioskOnly, openToAll } from '../operation';

/**
 * The citizen's prepaid wallet at the kiosk («Prepago de servicios», docs/wallet-citizen-api.md).
 * It lives on the central server: every operation needs it and answers `offline` without it,
 * saying so plainly. What proves the holder is the identification and the clave mailed with the
 * first payment's soporte; a liquidación is resumed with its recovery code. The server decides
 * everything; the kiosk relays.
 */
export const walletOps = {
  'wallet.terms': defineOperation({
    summary: '«Términos y condiciones de uso - Prepago de Servicios», with their version, shown before anything else.',
    reach: 'server',
    modes: kioskOnly,
    auth: openToAll,
    input: z.object({}).strict(),
    output: z.object({ version: z.string(), title: z.string(), text: z.string() }),
  }),
  'wallet.start': defineOperation({
    summary:
      'Records the acceptance of the terms (version, text hash, time, device) and says whether the identification has a wallet (its holder masked).',
    reach: 'server',
    modes: kioskOnly,
    auth: openToAll,
    input: WalletStartRequest,
    output: WalletStartValue,
  }),
  'wallet.createLiquidation': defineOperation({
    summary:
      '«Pago electrónico»: the amount (within the configured minimum and maximum) → a liquidación with its number, recovery code, expiry and ways to pay. A new identification gives its holder data.',
    reach: 'server',
    modes: kioskOnly,
    auth: openToAll,
    input: CreateLiquidationRequest,
    output: LiquidationValue,
  }),
  'wallet.recover': defineOperation({
    summary:
      '«Recuperar transacción»: identification and recovery code → the liquidación, its state and ways to pay. Throttled; one answer for every miss.',
    reach: 'server',
    modes: kioskOnly,
    auth: openToAll,
    input: RecoverLiquidationRequest,
    output: LiquidationValue,
  }),
  'wallet.statement': defineOperation({
    summary:
      'Identification and clave → the holder’s data, balance, kardex and pending liquidaciones. Wrong claves throttled; the owner mailed after repeated ones.',
    reach: 'server',
    modes: kioskOnly,
    auth: openToAll,
    input: HolderCredentials,
    output: StatementValue,
  }),
  'wallet.statementPdf': defineOperation({
    summary: 'The kardex as a PDF statement, with identification and clave.',
    reach: 'server',
    modes: kioskOnly,
    auth: openToAll,
    input: HolderCredentials,
    output: DocumentFile,
  }),
  'wallet.updateContact': defineOperation({
    summary: 'Email, phones, address and municipality of the wallet, with identification and clave.',
    reach: 'server',
    modes: kioskOnly,
    auth: openToAll,
    input: UpdateContactRequest,
    output: UpdateContactValue,
  }),
  'wallet.requestNewClave': defineOperation({
    summary:
      '«Solicitar una clave nueva»: mails the holder a link to issue a new clave. The same answer whether or not the identification has a wallet.',
    reach: 'server',
    modes: kioskOnly,
    auth: openToAll,
    input: RequestNewClaveRequest,
    output: MessageValue,
  }),
  'wallet.volante': defineOperation({
    summary: 'The volante de pago en bancos (PDF with the GS1-128) of a liquidación, with its recovery code.',
    reach: 'server',
    modes: kioskOnly,
    auth: openToAll,
    input: VolanteRequest,
    output: DocumentFile,
  }),
  'wallet.printVolante': defineOperation({
    summary:
      '«Imprimir el volante»: the volante PDF on the document printer, or its thermal slip (same facts and GS1-128) on a ' +
      'kiosk with only a receipt printer; the job id for the print status. `printer-offline` without a printer.',
    reach: 'server',
    modes: kioskOnly,
    auth: openToAll,
    input: VolanteRequest,
    output: z.object({ jobId: z.string(), printer: z.enum(['document', 'receipt']) }),
  }),
  'wallet.checkout': defineOperation({
    summary: '«Pago en línea»: opens a checkout at the gateway for a pending liquidación (a QR for the phone).',
    reach: 'server',
    modes: kioskOnly,
    auth: openToAll,
    input: CheckoutRequest,
    output: CheckoutValue,
  }),
  'wallet.checkoutState': defineOperation({
    summary: 'The state of a checkout and of its liquidación, followed while the citizen pays from the phone.',
    reach: 'server',
    modes: kioskOnly,
    auth: openToAll,
    input: CheckoutStateRequest,
    output: CheckoutStateValue,
  }),
};
