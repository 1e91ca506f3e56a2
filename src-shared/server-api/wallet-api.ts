import { z } from 'zod';
import { DocumentFileName } from '../api/document';
import {
  HolderContactFields,
  HolderData,
  HolderIdentityFields,
  WalletIdentificationFields,
  personKinds,
} from '../wallet/holder-fields';
import { liquidationKinds, liquidationStates, paymentChannels } from '../wallet/liquidation';
import { isRecoveryCodeShape } from '../wallet/recovery-code';

/**
 * The shapes of the central server's citizen wallet routes (`wallet.*` in routes.ts,
 * docs/wallet-citizen-api.md), called by enrolled kiosks and counters with their device token.
 * The wallet lives on the server: the device relays, the server decides. Shared by the server
 * (requests) and the device (answers).
 */

/** A clave as typed: the server compares it with the stored hash; never logged, never echoed. */
export const Clave = z
  .string({ error: 'Escriba la clave.' })
  .min(1, { error: 'Escriba la clave.' })
  .max(64, { error: 'La clave es demasiado larga.' });

/** A recovery code as typed (`XLrWX7`): six letters and digits, case-sensitive. */
export const RecoveryCode = z
  .string({ error: 'Escriba el código de recuperación.' })
  .max(16, { error: 'El código de recuperación tiene 6 letras y números.' })
  .refine(isRecoveryCodeShape, {
    error: 'El código de recuperación tiene 6 letras y números, como aparece en la pantalla o el volante.',
  })
  .transform((typed) => typed.trim());

/** A liquidación's id (uuid). */
export const LiquidationId = z.uuid({ error: 'La liquidación no es válida.' });

/** Whole pesos of a recharge; the configured minimum and maximum are checked by the server. */
export const RechargeAmount = z
  .number({ error: 'Escriba el valor a cargar en pesos.' })
  .int({ error: 'El valor a cargar va en pesos enteros, sin centavos.' })
  .positive({ error: 'Escriba el valor a cargar en pesos.' })
  .max(1_000_000_000, { error: 'El valor a cargar es demasiado alto.' });

/** `wallet.terms`: «Términos y condiciones de uso - Prepago de Servicios», with its version and hash. */
export const WalletTermsValue = z.object({
  version: z.string(),
  title: z.string(),
  text: z.string(),
  /** SHA-256 (hex) of `text`, computed by the server; the acceptance records it. */
  textSha256: z.string(),
});
export type WalletTermsValue = z.infer<typeof WalletTermsValue>;

/** What the start screen may show of a known holder: masked, never the whole name or address. */
export const HolderSummary = z.object({
  personKind: z.enum(personKinds),
  /** «N***** A*******»: each word's first letter. */
  maskedName: z.string(),
  /** «c*****@ejemplo.co». */
  maskedEmail: z.string(),
});
export type HolderSummary = z.infer<typeof HolderSummary>;

/** `wallet.start`: the terms accepted (their version) and the identification that recharges. */
export const WalletStartRequest = WalletIdentificationFields.extend({
  termsVersion: z.string({ error: 'Acepte los términos y condiciones.' }).min(1).max(32),
}).strict();
export const WalletStartValue = z.object({
  /** The recorded acceptance; `wallet.createLiquidation` names it. */
  acceptanceId: z.uuid(),
  /** Whether the identification already has a prepaid wallet. */
  known: z.boolean(),
  /** The holder, masked, when known. */
  holder: HolderSummary.nullable(),
  minAmount: z.number().int(),
  maxAmount: z.number().int(),
});
export type WalletStartValue = z.infer<typeof WalletStartValue>;

/** The holder's identity and contact data as typed for a new wallet. */
export const NewHolderFields = z.object({ identity: HolderIdentityFields, contact: HolderContactFields }).strict();
export type NewHolderInput = z.input<typeof NewHolderFields>;

/** `wallet.createLiquidation` */
export const CreateLiquidationRequest = z
  .object({
    acceptanceId: z.uuid({ error: 'Acepte de nuevo los términos y condiciones.' }),
    amount: RechargeAmount,
    /** Required when the identification has no wallet yet; ignored otherwise (the wallet's data are used). */
    holder: NewHolderFields.optional(),
  })
  .strict();

/** One way a liquidación may be paid, with what the citizen needs to know about it. */
export const PayWay = z.object({
  channel: z.enum(paymentChannels),
  label: z.string(),
  description: z.string(),
});
export type PayWay = z.infer<typeof PayWay>;

/** A liquidación as the citizen sees it. */
export const LiquidationValue = z.object({
  liquidationId: z.uuid(),
  /** «Liquidación Nro.»; also the payment reference. */
  number: z.number().int(),
  kind: z.enum(liquidationKinds),
  amount: z.number().int(),
  state: z.enum(liquidationStates),
  recoveryCode: z.string(),
  /** ISO 8601 UTC. */
  expiresAt: z.string(),
  /** The holder's name, masked («N***** A*******»). */
  maskedHolderName: z.string(),
  /** Empty unless the liquidación is `pendiente`. */
  payWays: z.array(PayWay),
});
export type LiquidationValue = z.infer<typeof LiquidationValue>;

/** `wallet.recover`: «Recuperar transacción». */
export const RecoverLiquidationRequest = WalletIdentificationFields.extend({ recoveryCode: RecoveryCode }).strict();

/** What proves the holder: identification and clave. */
export const HolderCredentials = WalletIdentificationFields.extend({ clave: Clave }).strict();

/** One kardex line: a movement of the wallet and the balance it left. */
export const KardexRow = z.object({
  /** ISO 8601 UTC. */
  at: z.string(),
  description: z.string(),
  /** Pesos; positive in, negative out. */
  amount: z.number().int(),
  balanceAfter: z.number().int(),
});
export type KardexRow = z.infer<typeof KardexRow>;

/** The holder's stored data, whole (shown only after the clave). */
export const HolderDataValue = z.object({
  docType: z.string(),
  docNumber: z.string(),
  name: z.string(),
  personKind: z.enum(personKinds),
  contact: z.object({
    email: z.string(),
    mobile: z.string(),
    landline: z.string().nullable(),
    address: z.string(),
    municipality: z.string(),
  }),
});
export type HolderDataValue = z.infer<typeof HolderDataValue>;

/** `wallet.statement` */
export const StatementValue = z.object({
  holder: HolderDataValue,
  balance: z.number().int(),
  /** Oldest first, the last 200 movements. */
  kardex: z.array(KardexRow),
  pending: z.array(LiquidationValue),
});
export type StatementValue = z.infer<typeof StatementValue>;

/**
 * A PDF the server rendered, for the device to hand to the screen as bytes. Between the server
 * and the device it travels inside the JSON envelope as base64 (the device decodes it); between
 * the device and the screen as bytes (DocumentFile).
 */
export const ServerDocumentValue = z.object({
  fileName: DocumentFileName,
  contentType: z.literal('application/pdf'),
  base64: z.string().max(12 * 1024 * 1024),
});
export type ServerDocumentValue = z.infer<typeof ServerDocumentValue>;

/** `wallet.updateContact` */
export const UpdateContactRequest = HolderCredentials.extend({ contact: HolderContactFields }).strict();
export const UpdateContactValue = z.object({ holder: HolderDataValue, message: z.string() });

/** `wallet.requestNewClave` */
export const RequestNewClaveRequest = WalletIdentificationFields;
export const MessageValue = z.object({ message: z.string() });

/** `wallet.volante`: by id or by number, with the recovery code either way. */
export const VolanteRequest = z
  .object({
    liquidationId: LiquidationId.optional(),
    number: z.number().int().positive().max(9_999_999_999).optional(),
    recoveryCode: RecoveryCode,
  })
  .strict()
  .refine((input) => (input.liquidationId === undefined) !== (input.number === undefined), {
    error: 'Indique la liquidación.',
  });

/**
 * `wallet.volanteSlip`: what a receipt-only kiosk prints the volante from (src-shared/wallet/volante-slip.ts):
 * the same facts the server draws its PDF with, so the two never disagree.
 */
export const VolanteSlipValue = z.object({
  entity: z.object({
    name: z.string(),
    nit: z.string(),
    address: z.string().optional(),
    phone: z.string().optional(),
    website: z.string().optional(),
  }),
  liquidation: z.object({
    number: z.number().int().positive(),
    amount: z.number().int().positive(),
    expiresAt: z.string(),
    recoveryCode: z.string(),
    client: HolderData,
  }),
  gln: z.string().regex(/^\d{13}$/),
  banks: z.array(z.string()).max(40),
});
export type VolanteSlipValue = z.infer<typeof VolanteSlipValue>;

/** `wallet.checkout` */
export const CheckoutRequest = z.object({ liquidationId: LiquidationId, recoveryCode: RecoveryCode }).strict();
export const CheckoutValue = z.object({
  /** The gateway's checkout page, for the citizen's phone (a QR on the kiosk). */
  checkoutUrl: z.string(),
  /** Our reference for this checkout attempt; `wallet.checkoutState` follows it. */
  reference: z.string(),
});
export type CheckoutValue = z.infer<typeof CheckoutValue>;

/** `wallet.checkoutState` */
export const CheckoutStateRequest = z.object({ reference: z.string().min(1).max(64) }).strict();
export const CheckoutStateValue = z.object({
  /** `CREATED` until the gateway reports; then PENDING, APPROVED, DECLINED, VOIDED or ERROR. */
  status: z.string(),
  liquidationState: z.enum(liquidationStates),
});
export type CheckoutStateValue = z.infer<typeof CheckoutStateValue>;

/**
 * `wallet.lookupLiquidation` (counters only): what the cashier scanned or typed — the volante's
 * GS1-128 (its reference, AI 8020, is the number), the number, or the recovery code.
 */
export const LookupLiquidationRequest = z
  .object({
    query: z
      .string({ error: 'Escanee el volante o escriba el número de liquidación o el código.' })
      .trim()
      .min(1, { error: 'Escanee el volante o escriba el número de liquidación o el código.' })
      .max(120, { error: 'Lo escaneado es demasiado largo.' }),
  })
  .strict();
export const LookupLiquidationValue = z.object({
  liquidationId: z.uuid(),
  number: z.number().int(),
  amount: z.number().int(),
  state: z.enum(liquidationStates),
  /** The client's name as the recibo de caja writes it (the cashier reads it to the citizen). */
  holderName: z.string(),
  docType: z.string(),
  docNumber: z.string(),
  expiresAt: z.string(),
});
export type LookupLiquidationValue = z.infer<typeof LookupLiquidationValue>;
