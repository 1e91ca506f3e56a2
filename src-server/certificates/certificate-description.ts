import type { CertificateChoice } from '../../src-shared/certificates/certificate-choice';
import {
  businessSizeLabels,
  organizationTypes,
  type Matricula,
  type RegistryAddress,
  type RegistryPerson,
} from '../../src-shared/certificates/matricula';
import type {
  CertificateDescription,
  CertificateKind,
  CertifiedAddress,
  CertifiedBusiness,
} from '../../src-node/certificates/certificate-document';
import type { CertificateConfig } from './certificate-config';

/** The sale's facts printed on a certificate beside the registry's. */
export interface SaleFacts {
  readonly issuedAt: Date;
  /** The purchase's receipt number; a preview's words instead. */
  readonly receiptNumber: number | string;
  readonly pricePesos: number;
  readonly verificationCode: string;
  readonly preview: boolean;
}

/** Which layout a catalogue form prints for a registry entry. */
export function certificateKindFor(choice: CertificateChoice, entry: Pick<Matricula, 'kind'>): CertificateKind {
  if (choice.certificate.form === 'existencia-representacion-legal') return 'existencia-representacion-legal';
  return entry.kind === 'establecimiento' ? 'matricula-establecimiento' : 'matricula-persona-natural';
}

/**
 * A registry entry and a sale as the PDF renderer takes them (src-node/certificates/): the
 * registry's words and dates as they are, NIT bodies without their DV (the renderer computes
 * and prints it), the organisation type in full.
 */
export function certificateDescription(
  config: CertificateConfig,
  verificationBaseUrl: string,
  entry: Matricula,
  choice: CertificateChoice,
  sale: SaleFacts,
): CertificateDescription {
  return {
    kind: certificateKindFor(choice, entry),
    chamber: { ...config.chamber, verificationBaseUrl },
    issuedAt: sale.issuedAt,
    receiptNumber: String(sale.receiptNumber),
    pricePesos: sale.pricePesos,
    verificationCode: sale.verificationCode,
    preview: sale.preview,
    notRenewed: choice.notRenewedWatermark,
    business: certifiedBusiness(entry),
  };
}

const nitBody = (nit: string | null): string | undefined => (nit === null ? undefined : nit.slice(0, -1));
const personName = (p: RegistryPerson): string => `${p.names} ${p.surnames}`.toUpperCase();
const identificationOf = (p: RegistryPerson) => ({ type: p.docType, number: p.docNumber });

function address(a: RegistryAddress): CertifiedAddress {
  return {
    address: a.address,
    city: `${a.municipality}, ${a.department}`,
    ...(a.phone === null ? {} : { phone: a.phone }),
    ...(a.email === null ? {} : { email: a.email }),
  };
}

function certifiedBusiness(entry: Matricula): CertifiedBusiness {
  return {
    matricula: {
      number: entry.number,
      registeredOn: entry.matriculatedOn,
      lastRenewedYear: entry.lastRenewedYear,
      renewedOn: entry.renewedOn,
    },
    name: entry.name,
    ...(entry.sigla === null ? {} : { sigla: entry.sigla }),
    ...(entry.nit === null ? {} : { nit: nitBody(entry.nit) }),
    ...(entry.person === null ? {} : { identification: identificationOf(entry.person) }),
    organizationType: organizationTypes[entry.organizationType],
    state: entry.state,
    ...(entry.cancelledOn === null ? {} : { cancelledOn: entry.cancelledOn }),
    domicile: entry.domicile,
    commercialAddress: address(entry.commercialAddress),
    judicialAddress: address(entry.judicialAddress),
    ...(entry.constitution === null
      ? {}
      : {
          constitution: {
            document: entry.constitution.document,
            date: entry.constitution.date,
            registration: entry.constitution.registration,
          },
        }),
    ...(entry.duration === null
      ? {}
      : { duration: entry.duration === 'indefinida' ? 'INDEFINIDA' : `hasta el ${entry.duration.until}` }),
    ...(entry.objetoSocial === null ? {} : { corporatePurpose: entry.objetoSocial }),
    ...(entry.capital === null
      ? {}
      : {
          capital: {
            authorized: entry.capital.autorizado,
            subscribed: entry.capital.suscrito,
            paid: entry.capital.pagado,
          },
        }),
    legalRepresentatives: entry.legalRepresentatives.map((r) => ({
      role: r.cargo.toUpperCase(),
      name: personName(r),
      identification: identificationOf(r),
    })),
    boardOfDirectors: entry.board.map((b) => ({
      role: `${b.role === 'principal' ? 'PRINCIPAL' : 'SUPLENTE'} RENGLÓN ${b.seat}`,
      name: personName(b),
      identification: identificationOf(b),
    })),
    ...(entry.revisorFiscal === null
      ? {}
      : {
          statutoryAuditors: [
            {
              role: entry.revisorFiscal.cargo.toUpperCase(),
              name: personName(entry.revisorFiscal),
              identification: identificationOf(entry.revisorFiscal),
              professionalCard: entry.revisorFiscal.professionalCard,
            },
          ],
        }),
    activities: entry.activities.map((a) => ({ code: a.code, description: a.description })),
    establishments: entry.establishments.map((e) => ({
      name: e.name,
      matricula: e.number,
      address: e.municipality,
      city: e.municipality,
    })),
    ...(entry.owner === null
      ? {}
      : {
          owners: [
            {
              name: entry.owner.name,
              ...(entry.owner.nit === null ? {} : { nit: nitBody(entry.owner.nit) }),
              matricula: entry.owner.number,
              domicile: entry.owner.municipality,
            },
          ],
        }),
    businessSize: businessSizeLabels[entry.size].toUpperCase(),
  };
}
