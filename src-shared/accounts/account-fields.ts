import { z } from 'zod';
import { documentTypes, registrationDocumentTypes } from '../domain/identity-document';

/**
 * The fields of a citizen's account as the registration and «Modificar usuario» forms send
 * them, with the Spanish message each rule shows. The server parses the same schemas, so a
 * kiosk and a web client are held to one set of rules. Markup has no place in any field:
 * names and addresses refuse `<` and `>` instead of storing them escaped.
 */

const noMarkup = (value: string) => !/[<>]/.test(value);

export const personName = (what: string) =>
  z
    .string({ error: `Escriba sus ${what}.` })
    .trim()
    .min(2, { error: `Escriba sus ${what}.` })
    .max(80, { error: `Sus ${what} pueden tener hasta 80 letras.` })
    .refine((v) => /^[\p{L}][\p{L}\s.'-]*$/u.test(v), {
      error: `Sus ${what} llevan solo letras, espacios, guiones y apóstrofos.`,
    });

export const Email = z
  .string({ error: 'Escriba su correo electrónico.' })
  .trim()
  .toLowerCase()
  .max(254, { error: 'El correo electrónico puede tener hasta 254 caracteres.' })
  .pipe(z.email({ error: 'El correo electrónico no es válido: revise que tenga la forma nombre@dominio.com.' }));

/** A Colombian mobile number: 10 digits starting with 3 (spaces and dashes allowed). */
export const Mobile = z
  .string({ error: 'Escriba su número de celular.' })
  .transform((v) => v.replace(/[\s()-]/g, '').replace(/^\+?57(?=3\d{9}$)/, ''))
  .refine((v) => /^3\d{9}$/.test(v), {
    error: 'El celular tiene 10 dígitos y empieza por 3, por ejemplo 310 555 1234.',
  });

/** A landline in the national plan since 2021: 10 digits starting with 60; optional (empty or null). Parsing twice gives the same. */
export const Landline = z
  .string()
  .nullable()
  .transform((v) => (v ?? '').replace(/[\s()-]/g, ''))
  .refine((v) => v === '' || /^60\d{8}$/.test(v), {
    error: 'El teléfono fijo tiene 10 dígitos y empieza por 60, por ejemplo 608 261 0101. Puede dejarlo vacío.',
  })
  .transform((v) => (v === '' ? null : v));

export const Address = z
  .string({ error: 'Escriba su dirección.' })
  .trim()
  .min(5, { error: 'Escriba su dirección completa, por ejemplo Calle 10 No. 4-25.' })
  .max(120, { error: 'La dirección puede tener hasta 120 caracteres.' })
  .refine(noMarkup, { error: 'La dirección no puede llevar los signos < ni >.' });

export const Municipality = z
  .string({ error: 'Escriba su municipio.' })
  .trim()
  .min(3, { error: 'Escriba su municipio.' })
  .max(60, { error: 'El municipio puede tener hasta 60 letras.' })
  .refine((v) => /^[\p{L}][\p{L}\s.'()-]*$/u.test(v), {
    error: 'El municipio lleva solo letras (y el departamento entre paréntesis, si quiere).',
  });

/** What «Modificar usuario» may change: everything but the document. */
export const ProfileFields = z
  .object({
    firstNames: personName('nombres'),
    lastNames: personName('apellidos'),
    email: Email,
    mobile: Mobile,
    landline: Landline,
    address: Address,
    municipality: Municipality,
  })
  .strict();
export type ProfileFields = z.output<typeof ProfileFields>;
export type ProfileInput = z.input<typeof ProfileFields>;

/** What a new account may be registered with (adults and companies only). */
export const DocumentTypeField = z.enum(registrationDocumentTypes, { error: 'Elija el tipo de documento.' });

export const RegistrationFields = ProfileFields.extend({
  docType: DocumentTypeField,
  /** As typed; normalised (and a NIT's DV checked) by normalizeDocument. */
  docNumber: z
    .string({ error: 'Escriba el número de documento.' })
    .max(24, { error: 'El número de documento es demasiado largo.' }),
  /** The Ley 1581 authorization: the version of the text shown, and that the box was ticked. */
  consent: z
    .object({
      policyVersion: z.string().min(1).max(32),
      accepted: z.literal(true, {
        error: 'Para crear la cuenta debe autorizar el tratamiento de sus datos personales.',
      }),
    })
    .strict(),
}).strict();
export type RegistrationInput = z.input<typeof RegistrationFields>;

/** The account as its owner sees it. */
export const AccountProfile = z.object({
  docType: z.enum(documentTypes),
  docNumber: z.string(),
  firstNames: z.string(),
  lastNames: z.string(),
  email: z.string(),
  mobile: z.string(),
  landline: z.string().nullable(),
  address: z.string(),
  municipality: z.string(),
  /** The códigos internos linked to the account. */
  codes: z.array(z.number().int()),
  /** A new email waiting for its confirmation code, or null. */
  pendingEmail: z.string().nullable(),
});
export type AccountProfile = z.output<typeof AccountProfile>;
