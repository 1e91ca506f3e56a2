import { z } from 'zod';
import { documentTypes } from '../domain/identity-document';

/**
 * A chamber of commerce's registry entry (a «matrícula»; for a non-profit, an «inscripción»):
 * what the certificates of docs/domain/certificates.md are made from. The shape follows the
 * certificate's CERTIFICA blocks — name, identification and domicile; matrícula and renewal;
 * location; constitution; duration; purpose; capital; appointments; CIIU activity; size — so a
 * certificate section reads one part of it. Everything crosses the server boundary, so the
 * schema is zod and the types are inferred from it.
 */

/**
 * Who is registered: a natural person trading in their own name, a company (persona jurídica),
 * a business establishment (owned by one of the others), or a non-profit (ESAL).
 */
export const matriculaKinds = ['persona-natural', 'sociedad', 'establecimiento', 'esal'] as const;
export type MatriculaKind = (typeof matriculaKinds)[number];

export const matriculaStates = ['activa', 'cancelada'] as const;
export type MatriculaState = (typeof matriculaStates)[number];

/** Organisation types a certificate names, with the words it prints. */
export const organizationTypes = {
  'persona-natural': 'PERSONA NATURAL',
  'establecimiento-de-comercio': 'ESTABLECIMIENTO DE COMERCIO',
  sas: 'SOCIEDAD POR ACCIONES SIMPLIFICADA',
  sa: 'SOCIEDAD ANÓNIMA',
  ltda: 'SOCIEDAD LIMITADA',
  'comandita-simple': 'SOCIEDAD EN COMANDITA SIMPLE',
  asociacion: 'ASOCIACIÓN',
  fundacion: 'FUNDACIÓN',
  corporacion: 'CORPORACIÓN',
} as const satisfies Record<string, string>;
export type OrganizationType = keyof typeof organizationTypes;
const organizationTypeCodes = Object.keys(organizationTypes) as [OrganizationType, ...OrganizationType[]];

/** Tamaño empresarial (Decreto 957 de 2019). */
export const businessSizes = ['micro', 'pequena', 'mediana', 'grande'] as const;
export type BusinessSize = (typeof businessSizes)[number];
export const businessSizeLabels: Record<BusinessSize, string> = {
  micro: 'Microempresa',
  pequena: 'Pequeña empresa',
  mediana: 'Mediana empresa',
  grande: 'Gran empresa',
};

const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'Fecha AAAA-MM-DD.' });
const Pesos = z.number().int().nonnegative();

/** An address as certificates print it, with the municipality it is in. */
export const RegistryAddress = z.object({
  address: z.string().min(1),
  municipality: z.string().min(1),
  department: z.string().min(1),
  phone: z.string().nullable(),
  email: z.string().nullable(),
});
export type RegistryAddress = z.output<typeof RegistryAddress>;

/** A person named in the registry: a legal representative, a board member, a revisor fiscal. */
export const RegistryPerson = z.object({
  names: z.string().min(1),
  surnames: z.string().min(1),
  docType: z.enum(documentTypes),
  docNumber: z.string().min(1),
});
export type RegistryPerson = z.output<typeof RegistryPerson>;

/** «Gerente», «Representante legal suplente», «Presidente»… and who holds it. */
export const Appointment = RegistryPerson.extend({
  cargo: z.string().min(1),
  /** Act or document and date of the appointment, as the certificate cites it. */
  appointedBy: z.string().min(1),
  appointedOn: IsoDate,
});
export type Appointment = z.output<typeof Appointment>;

export const BoardSeat = RegistryPerson.extend({
  /** `principal` or `suplente`, and the seat's number (renglón). */
  role: z.enum(['principal', 'suplente']),
  seat: z.number().int().positive(),
});
export type BoardSeat = z.output<typeof BoardSeat>;

export const RevisorFiscal = Appointment.extend({
  /** Tarjeta profesional de contador público, e.g. `123456-T`. */
  professionalCard: z.string().min(1),
});
export type RevisorFiscal = z.output<typeof RevisorFiscal>;

/** A CIIU Rev. 4 A.C. activity: section letter and four digits (`G4752`), and its description. */
export const CiiuActivity = z.object({
  code: z.string().regex(/^[A-U]\d{4}$/),
  description: z.string().min(1),
});
export type CiiuActivity = z.output<typeof CiiuActivity>;

/** Constitución: the document that created the company and where it was registered. */
export const Constitution = z.object({
  document: z.string().min(1),
  date: IsoDate,
  /** Its registration in the book (libro IX for sociedades, I for ESAL). */
  registration: z.string().min(1),
});

export const Capital = z.object({
  autorizado: Pesos,
  suscrito: Pesos,
  pagado: Pesos,
});
export type Capital = z.output<typeof Capital>;

/** Another entry named by this one: an establishment's owner, a business's establishments. */
export const MatriculaRef = z.object({
  number: z.string().regex(/^\d{1,12}$/),
  name: z.string().min(1),
  nit: z
    .string()
    .regex(/^\d{2,16}$/)
    .nullable(),
  state: z.enum(matriculaStates),
  municipality: z.string().min(1),
});
export type MatriculaRef = z.output<typeof MatriculaRef>;

/**
 * One registry entry. `nit` is the body followed by its DV (`9001234568`), as the wallet keeps
 * NITs; a natural person's NIT is the cédula plus its DV; an establishment has none (its owner
 * has). Parts a kind never has are null.
 */
export const Matricula = z.object({
  number: z.string().regex(/^\d{1,12}$/),
  kind: z.enum(matriculaKinds),
  state: z.enum(matriculaStates),
  /** Razón social, the person's full name, or the establishment's name. */
  name: z.string().min(1),
  sigla: z.string().nullable(),
  nit: z
    .string()
    .regex(/^\d{2,16}$/)
    .nullable(),
  organizationType: z.enum(organizationTypeCodes),
  /** The natural person registered; null for the other kinds. */
  person: RegistryPerson.nullable(),
  matriculatedOn: IsoDate,
  lastRenewedYear: z.number().int().min(1900),
  renewedOn: IsoDate,
  cancelledOn: IsoDate.nullable(),
  /** Domicilio: the municipality of the business address. */
  domicile: z.string().min(1),
  commercialAddress: RegistryAddress,
  judicialAddress: RegistryAddress,
  constitution: Constitution.nullable(),
  /** «Indefinida» or until a date. */
  duration: z.union([z.literal('indefinida'), z.object({ until: IsoDate })]).nullable(),
  objetoSocial: z.string().nullable(),
  capital: Capital.nullable(),
  /** Assets declared at renewal (activos), the figure a persona natural's certificate gives. */
  assets: Pesos.nullable(),
  legalRepresentatives: z.array(Appointment),
  board: z.array(BoardSeat),
  revisorFiscal: RevisorFiscal.nullable(),
  activities: z.array(CiiuActivity).min(1),
  size: z.enum(businessSizes),
  /** An establishment's owner; null for the other kinds. */
  owner: MatriculaRef.nullable(),
  /** The establishments a person or company owns (the certificate lists them). */
  establishments: z.array(MatriculaRef),
});
export type Matricula = z.output<typeof Matricula>;

/** Kinds that are legal persons: their certificate is the existencia y representación legal. */
export const isLegalPerson = (kind: MatriculaKind): boolean => kind === 'sociedad' || kind === 'esal';
