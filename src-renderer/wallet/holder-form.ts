import type { ApiError } from '../../src-shared/api/result';
import { NewHolderFields, type NewHolderInput } from '../../src-shared/server-api/wallet-api';
import type { PersonKind } from '../../src-shared/wallet/holder-fields';
import type { FieldSpec } from '../accounts/KeyboardForm';

/** The guide's «Datos del cliente» (001 §9–10) as the kiosk's form fields. */
export type HolderField = 'firstSurname' | 'secondSurname' | 'firstName' | 'secondName' | 'businessName' | ContactField;
export type ContactField = 'email' | 'landline' | 'mobile' | 'address' | 'municipality';

const nameFields: Record<PersonKind, readonly FieldSpec<HolderField>[]> = {
  natural: [
    { name: 'firstSurname', label: 'Primer apellido', maxLength: 40 },
    { name: 'secondSurname', label: 'Segundo apellido (opcional)', maxLength: 40 },
    { name: 'firstName', label: 'Primer nombre', maxLength: 40 },
    { name: 'secondName', label: 'Segundo nombre (opcional)', maxLength: 40 },
  ],
  juridica: [{ name: 'businessName', label: 'Razón social', maxLength: 120 }],
};

export const contactFields: readonly FieldSpec<ContactField>[] = [
  {
    name: 'email',
    label: 'Correo electrónico',
    hint: 'Allí le llegan el soporte del pago y la clave del prepago.',
    maxLength: 254,
  },
  { name: 'landline', label: 'Teléfono fijo (opcional)', hint: '10 dígitos, empieza por 60.', maxLength: 16 },
  { name: 'mobile', label: 'Celular', hint: '10 dígitos, empieza por 3.', maxLength: 16 },
  { name: 'address', label: 'Dirección', hint: 'Evite acentos y caracteres especiales.', maxLength: 120 },
  { name: 'municipality', label: 'Municipio', maxLength: 60 },
];

export const holderFields = (kind: PersonKind): readonly FieldSpec<HolderField>[] => [
  ...nameFields[kind],
  ...contactFields,
];

export const emptyHolderValues: Record<HolderField, string> = {
  firstSurname: '',
  secondSurname: '',
  firstName: '',
  secondName: '',
  businessName: '',
  email: '',
  landline: '',
  mobile: '',
  address: '',
  municipality: '',
};

/** The form's text as the operation's input. */
export function holderInput(kind: PersonKind, values: Readonly<Record<HolderField, string>>): NewHolderInput {
  const contact = {
    email: values.email,
    landline: values.landline,
    mobile: values.mobile,
    address: values.address,
    municipality: values.municipality,
  };
  return kind === 'natural'
    ? {
        identity: {
          personKind: 'natural',
          firstSurname: values.firstSurname,
          secondSurname: values.secondSurname,
          firstName: values.firstName,
          secondName: values.secondName,
        },
        contact,
      }
    : { identity: { personKind: 'juridica', businessName: values.businessName }, contact };
}

/** Typed data kept in the visit, back in the form. */
export function holderValues(holder: NewHolderInput): Record<HolderField, string> {
  const { identity, contact } = holder;
  return {
    ...emptyHolderValues,
    ...(identity.personKind === 'natural'
      ? {
          firstSurname: identity.firstSurname ?? '',
          secondSurname: identity.secondSurname ?? '',
          firstName: identity.firstName ?? '',
          secondName: identity.secondName ?? '',
        }
      : { businessName: identity.businessName ?? '' }),
    email: contact.email ?? '',
    landline: contact.landline ?? '',
    mobile: contact.mobile ?? '',
    address: contact.address ?? '',
    municipality: contact.municipality ?? '',
  };
}

/** The field a message is about: `holder.identity.firstSurname` → `firstSurname`. */
export const fieldOfPath = (path: readonly PropertyKey[] | string | undefined): string | undefined => {
  if (path === undefined) return undefined;
  const parts = typeof path === 'string' ? path.split('.') : path.map(String);
  return parts.at(-1);
};

/**
 * Checks the form with the server's own schema, so the first mistake is told at once, under
 * its field, in the same words the server would use.
 */
export function checkHolder(holder: NewHolderInput): ApiError | null {
  const parsed = NewHolderFields.safeParse(holder);
  if (parsed.success) return null;
  const issue = parsed.error.issues[0];
  return {
    code: 'validation',
    message: issue?.message ?? 'Revise los datos del cliente.',
    field: fieldOfPath(issue?.path),
  };
}
