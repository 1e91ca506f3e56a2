import type { DocumentType } from '../../src-shared/domain/identity-document';
import type { Pesos } from '../../src-shared/domain/money';

/**
 * What a chamber-of-commerce certificate says, as the PDF renderer takes it: the chamber, the
 * sale (receipt, price, verification code, issue time) and the registry's facts about one
 * matrícula. The renderer only prints; choosing which certificate applies to a matrícula,
 * pricing it and drawing the code happen before (docs/certificates-pdf.md).
 *
 * Dates of the registry are calendar days, `YYYY-MM-DD`; the issue time is an instant printed
 * in America/Bogota. Optional facts that are absent leave their CERTIFICA block out.
 */

/** The certificates the kiosk sells. */
export const certificateKinds = [
  'existencia-representacion-legal',
  'matricula-persona-natural',
  'matricula-establecimiento',
] as const;
export type CertificateKind = (typeof certificateKinds)[number];

/** The chamber that issues the certificate. */
export interface CertificateChamber {
  /** `Cámara de Comercio de Ibagué`. */
  readonly name: string;
  /** The two-digit chamber code of the registry (`32`). */
  readonly code: string;
  /** The chamber's seat, printed after the secretary's signature. */
  readonly city: string;
  /** Public verification page without a trailing slash; the QR encodes `<url>/<code>`. */
  readonly verificationBaseUrl: string;
  /** The secretary whose mechanical signature closes the certificate. */
  readonly secretaryName: string;
}

/** A person's identity document, printed as `CC 1.020.304.050`. */
export interface CertifiedIdentification {
  readonly type: DocumentType;
  readonly number: string;
}

/** One address of the registry with its contact data. */
export interface CertifiedAddress {
  readonly address: string;
  /** Municipality (and department) of the address. */
  readonly city: string;
  readonly phone?: string;
  readonly email?: string;
}

/** A person appointed to a post: legal representative, board member, statutory auditor. */
export interface CertifiedAppointee {
  /** The post as registered: `REPRESENTANTE LEGAL PRINCIPAL`, `PRINCIPAL RENGLÓN 1`. */
  readonly role: string;
  readonly name: string;
  readonly identification: CertifiedIdentification;
  /** The auditor's tarjeta profesional, when registered. */
  readonly professionalCard?: string;
}

/** An economic activity by its CIIU (Rev. 4 A.C.) code; the first listed is the main one. */
export interface CertifiedActivity {
  /** Four digits, `6201`. */
  readonly code: string;
  readonly description: string;
}

/** An establecimiento de comercio owned by the certified person or company. */
export interface CertifiedEstablishment {
  readonly name: string;
  readonly matricula: string;
  readonly address: string;
  readonly city: string;
}

/** The owner of a certified establecimiento de comercio. */
export interface CertifiedOwner {
  readonly name: string;
  /** A persona natural's document; a company's is its NIT in `nit`. */
  readonly identification?: CertifiedIdentification;
  /** NIT body without its check digit, which the renderer computes. */
  readonly nit?: string;
  readonly matricula?: string;
  readonly domicile?: string;
}

/** How the company was constituted and where that was registered. */
export interface CertifiedConstitution {
  /** `Documento privado`, `Escritura pública No. 1234 de la Notaría 2 de Ibagué`. */
  readonly document: string;
  readonly date: string;
  /** Day the constitution was registered in the chamber. */
  readonly registeredOn?: string;
  /** Registration number in the book (`No. 45678 del Libro IX`). */
  readonly registration?: string;
}

/** A statutory amendment registered after constitution. */
export interface CertifiedAmendment {
  readonly document: string;
  readonly date: string;
  readonly registration?: string;
  readonly description?: string;
}

/** The registry's facts about the matrícula being certified. */
export interface CertifiedBusiness {
  readonly matricula: {
    readonly number: string;
    readonly registeredOn: string;
    readonly lastRenewedYear: number;
    /** Day of the last renewal; absent when never renewed. */
    readonly renewedOn?: string;
  };
  /** Razón social; a persona natural's full name; an establecimiento's name. */
  readonly name: string;
  readonly sigla?: string;
  /** NIT body without its check digit (dots allowed); the renderer prints it with the DV it computes. */
  readonly nit?: string;
  /** A persona natural's identity document. */
  readonly identification?: CertifiedIdentification;
  /** `SOCIEDAD POR ACCIONES SIMPLIFICADA`, `PERSONA NATURAL`, `ESTABLECIMIENTO DE COMERCIO`. */
  readonly organizationType: string;
  readonly state: 'activa' | 'cancelada';
  /** Day of cancellation, for a cancelled matrícula. */
  readonly cancelledOn?: string;
  /** Municipality of the main domicile. */
  readonly domicile: string;
  readonly commercialAddress: CertifiedAddress;
  readonly judicialAddress?: CertifiedAddress;
  readonly constitution?: CertifiedConstitution;
  /** Embargos, medidas cautelares and similar annotations, one paragraph each. */
  readonly precautionaryMeasures?: readonly string[];
  /** `INDEFINIDA` or `hasta el 31 de diciembre de 2080`. */
  readonly duration?: string;
  /** The objeto social as registered; blank lines separate paragraphs. */
  readonly corporatePurpose?: string;
  readonly capital?: {
    readonly authorized: Pesos;
    readonly subscribed: Pesos;
    readonly paid: Pesos;
  };
  /** Facultades y limitaciones del representante legal. */
  readonly representationPowers?: string;
  readonly legalRepresentatives?: readonly CertifiedAppointee[];
  readonly boardOfDirectors?: readonly CertifiedAppointee[];
  readonly statutoryAuditors?: readonly CertifiedAppointee[];
  readonly amendments?: readonly CertifiedAmendment[];
  readonly activities: readonly CertifiedActivity[];
  readonly establishments?: readonly CertifiedEstablishment[];
  /** Owners of a certified establecimiento de comercio. */
  readonly owners?: readonly CertifiedOwner[];
  /** Tamaño empresarial: `MICROEMPRESA`, `PEQUEÑA EMPRESA`, `MEDIANA EMPRESA`, `GRAN EMPRESA`. */
  readonly businessSize?: string;
  /** Ingresos por actividad ordinaria reported with the size, in pesos. */
  readonly ordinaryIncomePesos?: Pesos;
}

/** Everything printed on one certificate. */
export interface CertificateDescription {
  readonly kind: CertificateKind;
  readonly chamber: CertificateChamber;
  /** The instant of issue; printed `dd/mm/aaaa – hh:mm:ss` in America/Bogota. */
  readonly issuedAt: Date;
  readonly receiptNumber: string;
  readonly pricePesos: Pesos;
  /** The 10-character, case-sensitive verification code. */
  readonly verificationCode: string;
  /** A preview shown before paying: marked on every page as without legal validity. */
  readonly preview: boolean;
  /** The matrícula has not been renewed: the legal-obligation watermark on every page. */
  readonly notRenewed: boolean;
  readonly business: CertifiedBusiness;
}
