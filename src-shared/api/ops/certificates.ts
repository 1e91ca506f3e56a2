import { z } from 'zod';
import { readVerificationCode } from '../../certificates/verification-code';
import {
  CertificatePreviewRequest,
  CertificateSearchRequest,
  CertificateSearchValue,
} from '../../server-api/certificates-api';
import { HolderCredentials } from '../../server-api/wallet-api';
import { DocumentFile } from '../document';
import { defineOperation, kioskOnly, openToAll } from '../operation';

/** Copies a citizen may buy in one visit at the kiosk: the tray holds a handful. */
export const maxKioskCopies = 5;

/**
 * How one bought copy stands at the kiosk:
 * - `waiting`: stored with its PDF, not yet at the dispenser;
 * - `dispensing`: the dispenser has it;
 * - `delivered`: it came out; its price is settled;
 * - `failed`: it did not come out; its price goes back to the wallet;
 * - `unknown`: the dispenser stopped answering; a staff member looks in the tray (no refund yet).
 */
export const kioskCopyStates = ['waiting', 'dispensing', 'delivered', 'failed', 'unknown'] as const;
export type KioskCopyState = (typeof kioskCopyStates)[number];

/** One copy of a purchase, as the kiosk's screen follows it. */
export const KioskCopyView = z.object({
  copy: z.number().int(),
  verificationCode: z.string(),
  state: z.enum(kioskCopyStates),
  /** Pesos the server gave back to the wallet for this copy (0 until it acknowledges a refund). */
  refunded: z.number().int(),
  /** True once the central server acknowledged how this copy ended. */
  reported: z.boolean(),
});
export type KioskCopyView = z.infer<typeof KioskCopyView>;

/** A purchase at this kiosk, from the moment the server held its price until every copy is settled. */
export const KioskPurchaseView = z.object({
  purchaseKey: z.uuid(),
  receiptNumber: z.number().int(),
  title: z.string(),
  businessName: z.string(),
  unitPrice: z.number().int(),
  total: z.number().int(),
  /** The wallet's balance after the hold, plus what was refunded since. */
  balance: z.number().int(),
  copies: z.array(KioskCopyView),
  /** True when no copy is waiting or at the dispenser any more. */
  finished: z.boolean(),
});
export type KioskPurchaseView = z.infer<typeof KioskPurchaseView>;

/** `certificates.purchase` at the kiosk: the wallet's holder buys copies of one certificate. */
export const KioskPurchaseRequest = HolderCredentials.extend({
  matricula: CertificatePreviewRequest.shape.matricula,
  certificateCode: z.string().min(1).max(60),
  copies: z
    .number({ error: 'Indique cuántas copias quiere.' })
    .int({ error: 'Las copias son un número entero.' })
    .min(1, { error: 'Pida al menos una copia.' })
    .max(maxKioskCopies, { error: `En este kiosco puede comprar hasta ${maxKioskCopies} copias.` }),
}).strict();

/**
 * `certificates.redispense`: the verification code as the citizen typed it (from the receipt or
 * the purchase's screen). Checked with the code's own rules, so a malformed one is answered in
 * their words and never reaches the server; spaces are dropped, case is kept.
 */
export const KioskRedispenseRequest = z
  .object({
    code: z
      .string({ error: 'Escriba el código de verificación del certificado.' })
      .max(40, { error: 'El código de verificación tiene 10 letras y números.' })
      .superRefine((typed, ctx) => {
        const read = readVerificationCode(typed);
        if (!read.ok) ctx.addIssue({ code: 'custom', message: read.error.message });
      })
      .transform((typed) => typed.replace(/\s+/g, '')),
  })
  .strict();

/**
 * What `certificates.redispense` answers: the purchase that holds the copy (follow it with
 * certificates.progress) and which copy of it is being dispensed again, by its code.
 */
export const KioskRedispenseView = z.object({
  purchase: KioskPurchaseView,
  verificationCode: z.string(),
});
export type KioskRedispenseView = z.infer<typeof KioskRedispenseView>;

/**
 * «Certificados» at the kiosk (docs/certificates.md): a chamber of commerce's certificates,
 * paid with the prepaid wallet and given out by the kiosk's dispenser. Searching, previewing
 * and buying need the central server; each copy is stored with its PDF before it is dispensed,
 * and how it came out is reported to the server until it acknowledges.
 */
export const certificatesOps = {
  'certificates.search': defineOperation({
    summary: 'Registry entries by NIT, matrícula or name, with the certificates on sale and today’s price.',
    reach: 'server',
    modes: kioskOnly,
    auth: openToAll,
    input: CertificateSearchRequest,
    output: CertificateSearchValue,
  }),
  'certificates.preview': defineOperation({
    summary: 'The certificate marked «sin validez» (PDF), before paying.',
    reach: 'server',
    modes: kioskOnly,
    auth: openToAll,
    input: CertificatePreviewRequest,
    output: DocumentFile,
  }),
  'certificates.purchase': defineOperation({
    summary:
      'Buys copies with identification and clave: refused before charging when the dispenser cannot give them out; ' +
      'otherwise the copies are stored and dispensed one by one (follow with certificates.progress).',
    reach: 'server',
    modes: kioskOnly,
    auth: openToAll,
    input: KioskPurchaseRequest,
    output: KioskPurchaseView,
  }),
  'certificates.progress': defineOperation({
    summary: 'How the copies of a purchase made at this kiosk are coming out, and what was refunded.',
    reach: 'local',
    modes: kioskOnly,
    auth: openToAll,
    input: z.object({ purchaseKey: z.uuid() }).strict(),
    output: KioskPurchaseView,
  }),
  'certificates.redispense': defineOperation({
    summary:
      'Dispenses again, without a new charge, a copy this kiosk sold whose delivery is unknown, by its verification code: ' +
      'refused before asking when the dispenser cannot give it out (follow with certificates.progress).',
    reach: 'server',
    modes: kioskOnly,
    auth: openToAll,
    input: KioskRedispenseRequest,
    output: KioskRedispenseView,
  }),
};
