import { z } from 'zod';
import { dispenseOutcomes, issuedCertificateStates } from '../certificates/certificate-delivery';
import { HolderCredentials, ServerDocumentValue } from './wallet-api';

/**
 * The kiosk ↔ central server contract of «Certificados» (docs/certificates.md): find a
 * registered business, see the certificates that apply with today's price and a preview, buy
 * copies with identification and clave (the price held on the wallet), then report how each
 * copy's dispensing ended.
 */

const MatriculaNumber = z
  .string({ error: 'Escriba el número de matrícula.' })
  .trim()
  .regex(/^\d{1,12}$/, { error: 'El número de matrícula lleva solo números.' });

/** `certificates.search`: a NIT (with or without its DV), a matrícula number or a name. */
export const CertificateSearchRequest = z
  .object({
    query: z
      .string({ error: 'Escriba un NIT, un número de matrícula o un nombre.' })
      .trim()
      .min(2, { error: 'Escriba al menos dos letras o números.' })
      .max(120, { error: 'La búsqueda es demasiado larga.' }),
  })
  .strict();

/** A certificate on sale for a registry entry, priced for today. */
export const OfferedCertificate = z.object({
  code: z.string(),
  title: z.string(),
  price: z.number().int(),
  notRenewedWatermark: z.boolean(),
  /** What the citizen must read before paying (a cancelled matrícula, a renewal due). */
  notices: z.array(z.string()),
});
export type OfferedCertificate = z.infer<typeof OfferedCertificate>;

/** One registry entry found, with what it can be certified with. */
export const RegistryMatch = z.object({
  matricula: z.string(),
  name: z.string(),
  /** NIT with DV as `900.123.456-8`; null for establishments. */
  nit: z.string().nullable(),
  kindLabel: z.string(),
  state: z.enum(['activa', 'cancelada']),
  municipality: z.string(),
  lastRenewedYear: z.number().int(),
  certificates: z.array(OfferedCertificate),
});
export type RegistryMatch = z.infer<typeof RegistryMatch>;

export const CertificateSearchValue = z.object({
  matches: z.array(RegistryMatch),
  /** True when more entries matched than the list shows: the citizen should type more. */
  more: z.boolean(),
});

/** `certificates.preview`: the certificate marked «sin validez», before paying. */
export const CertificatePreviewRequest = z
  .object({ matricula: MatriculaNumber, certificateCode: z.string().min(1).max(60) })
  .strict();
export const CertificatePreviewValue = ServerDocumentValue;

/** `certificates.purchase` */
export const CertificatePurchaseRequest = HolderCredentials.extend({
  purchaseKey: z.uuid({ error: 'Falta la clave de la compra.' }),
  matricula: MatriculaNumber,
  certificateCode: z.string().min(1).max(60),
  copies: z
    .number({ error: 'Indique cuántas copias quiere.' })
    .int({ error: 'Las copias son un número entero.' })
    .min(1, { error: 'Pida al menos una copia.' })
    .max(10, { error: 'Son demasiadas copias para una compra.' }),
}).strict();

export const PurchasedCopyValue = z.object({
  certificateId: z.uuid(),
  copy: z.number().int(),
  verificationCode: z.string(),
  state: z.enum(issuedCertificateStates),
  pdfBase64: z.string().max(12 * 1024 * 1024),
});

export const CertificatePurchaseValue = z.object({
  purchaseId: z.uuid(),
  receiptNumber: z.number().int(),
  title: z.string(),
  businessName: z.string(),
  unitPrice: z.number().int(),
  total: z.number().int(),
  balance: z.number().int(),
  issuedAt: z.string(),
  copies: z.array(PurchasedCopyValue),
});
export type CertificatePurchaseValue = z.infer<typeof CertificatePurchaseValue>;

/** `certificates.dispensed`: how one copy's dispensing ended. */
export const CertificateOutcomeRequest = z
  .object({
    certificateId: z.uuid(),
    outcome: z.enum(dispenseOutcomes),
    detail: z.string().max(500).nullable(),
  })
  .strict();

export const CertificateOutcomeValue = z.object({
  certificateId: z.uuid(),
  state: z.enum(issuedCertificateStates),
  refunded: z.number().int(),
});

/** `certificates.redispense`: a copy whose delivery is unknown, again, by its code, without a new charge. */
export const CertificateRedispenseRequest = z.object({ verificationCode: z.string().trim().min(1).max(20) }).strict();
export const CertificateRedispenseValue = z.object({
  certificateId: z.uuid(),
  receiptNumber: z.number().int(),
  title: z.string(),
  copy: z.number().int(),
  verificationCode: z.string(),
  pdfBase64: z.string().max(12 * 1024 * 1024),
});

/** `certificates.purchaseByKey`: a purchase this kiosk asked for and never heard back about. */
export const CertificatePurchaseLookupRequest = z.object({ purchaseKey: z.uuid() }).strict();
