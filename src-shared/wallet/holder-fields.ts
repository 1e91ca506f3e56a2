import { z } from 'zod';
import { Address, DocumentTypeField, Email, Landline, Mobile, Municipality } from '../accounts/account-fields';
import { documentTypes } from '../domain/identity-document';

/**
 * The prepaid wallet holder's data as the guide's «Datos del cliente» lists them (the recibo de
 * caja is issued with them): a persona natural gives surnames and names, a persona jurídica its
 * razón social (and must be identified by NIT, with its check digit). Contact data — email,
 * phones, address, municipality — the holder may change later with the clave.
 */
export const personKinds = ['natural', 'juridica'] as const;
export type PersonKind = (typeof personKinds)[number];

const noMarkup = (value: string) => !/[<>]/.test(value);

const namePart = (label: string, required: boolean) => {
  const base = z
    .string()
    .trim()
    .max(40, { error: `${label}: hasta 40 letras.` })
    .refine((v) => v === '' || /^[\p{L}][\p{L}\s.'-]*$/u.test(v), {
      error: `${label} lleva solo letras, espacios, guiones y apóstrofos.`,
    });
  return required ? base.refine((v) => v.length >= 2, { error: `Escriba el ${label.toLowerCase()}.` }) : base;
};

/** Email, phones, address and municipality: what the holder may edit. */
export const HolderContactFields = z
  .object({
    email: Email,
    mobile: Mobile,
    landline: Landline,
    address: Address,
    municipality: Municipality,
  })
  .strict();
export type HolderContact = z.output<typeof HolderContactFields>;

const NaturalPerson = z
  .object({
    personKind: z.literal('natural'),
    firstSurname: namePart('Primer apellido', true),
    secondSurname: namePart('Segundo apellido', false),
    firstName: namePart('Primer nombre', true),
    secondName: namePart('Segundo nombre', false),
  })
  .strict();

const LegalPerson = z
  .object({
    personKind: z.literal('juridica'),
    businessName: z
      .string({ error: 'Escriba la razón social.' })
      .trim()
      .min(2, { error: 'Escriba la razón social.' })
      .max(120, { error: 'La razón social puede tener hasta 120 caracteres.' })
      .refine(noMarkup, { error: 'La razón social no puede llevar los signos < ni >.' }),
  })
  .strict();

/** Who the holder is: a persona natural's names or a persona jurídica's razón social. */
export const HolderIdentityFields = z.discriminatedUnion('personKind', [NaturalPerson, LegalPerson], {
  error: 'Elija si es persona natural o jurídica.',
});
export type HolderIdentity = z.output<typeof HolderIdentityFields>;

/** The identification a wallet is opened and found by; the number as typed (normalised by normalizeDocument). */
export const WalletIdentificationFields = z
  .object({
    docType: DocumentTypeField,
    docNumber: z
      .string({ error: 'Escriba el número de identificación.' })
      .max(24, { error: 'El número de identificación es demasiado largo.' }),
  })
  .strict();
export type WalletIdentificationInput = z.input<typeof WalletIdentificationFields>;

/** The holder's whole data as stored (and snapshotted on each liquidación). */
export const HolderData = z.object({
  docType: z.enum(documentTypes),
  docNumber: z.string(),
  identity: z.union([
    z.object({
      personKind: z.literal('natural'),
      firstSurname: z.string(),
      secondSurname: z.string(),
      firstName: z.string(),
      secondName: z.string(),
    }),
    z.object({ personKind: z.literal('juridica'), businessName: z.string() }),
  ]),
  contact: z.object({
    email: z.string(),
    mobile: z.string(),
    landline: z.string().nullable(),
    address: z.string(),
    municipality: z.string(),
  }),
});
export type HolderData = z.output<typeof HolderData>;

/** «APELLIDO1 APELLIDO2 NOMBRE1 NOMBRE2» or the razón social, as the recibo de caja writes it. */
export function holderName(identity: HolderData['identity']): string {
  if (identity.personKind === 'juridica') return identity.businessName;
  return [identity.firstSurname, identity.secondSurname, identity.firstName, identity.secondName]
    .filter((part) => part !== '')
    .join(' ');
}
