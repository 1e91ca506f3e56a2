import { formatDateEs } from '../../src-shared/domain/calendar-es';
import { formatDocument } from '../../src-shared/domain/identity-document';
import { formatCop } from '../../src-shared/domain/money';
import { formatNit } from '../../src-shared/domain/nit';
import { sectionIds, type CertificateBlock, type CertificateSection, type SectionId } from './certificate-blocks';
import type {
  CertificateDescription,
  CertificateKind,
  CertifiedAppointee,
  CertifiedBusiness,
  CertifiedIdentification,
} from './certificate-document';
import { endOfCertificate, verificationText } from './certificate-wording';

/**
 * The CERTIFICA blocks of each certificate, in the order Confecámaras' SII prints them (facts
 * file §6.2): the existencia y representación legal certificate in full, the matrícula ones as
 * its short equivalent (name, identification, matrícula, location, activity, establishments or
 * owners). A section whose facts are absent is left out; the order never changes.
 */

const order: Readonly<Record<CertificateKind, readonly SectionId[]>> = {
  // Every block of the facts file's order but the establishment's owners, which a legal person's
  // certificate never has.
  'existencia-representacion-legal': sectionIds.filter((id) => id !== 'propietarios'),
  'matricula-persona-natural': [
    'fundamento',
    'nombre-identificacion-domicilio',
    'matricula',
    'ubicacion',
    'cancelacion',
    'medidas-cautelares',
    'actividad-economica',
    'establecimientos',
    'tamano-empresarial',
    'firma',
  ],
  'matricula-establecimiento': [
    'fundamento',
    'nombre-identificacion-domicilio',
    'matricula',
    'ubicacion',
    'cancelacion',
    'medidas-cautelares',
    'actividad-economica',
    'propietarios',
    'firma',
  ],
};

/** Every section a certificate of `kind` may hold, in print order. */
export function certificateSectionOrder(kind: CertificateKind): readonly SectionId[] {
  return order[kind];
}

const heading = (text: string): CertificateBlock => ({ type: 'heading', text });
const paragraph = (text: string): CertificateBlock => ({ type: 'paragraph', text });
const field = (label: string, value: string): CertificateBlock => ({ type: 'field', label, value });

/** `CC 1.020.304.050`; a NIT's number is its body, printed with the check digit. */
export function formatIdentification(id: CertifiedIdentification): string {
  return id.type === 'NIT' ? `NIT ${formatNit(id.number)}` : formatDocument(id.type, id.number);
}

function appointeesTable(people: readonly CertifiedAppointee[], withCard: boolean): CertificateBlock {
  const columns = [
    { title: 'CARGO', share: 0.34 },
    { title: 'NOMBRE', share: withCard ? 0.3 : 0.4 },
    { title: 'IDENTIFICACIÓN', share: withCard ? 0.2 : 0.26 },
    ...(withCard ? [{ title: 'T. PROFESIONAL', share: 0.16 }] : []),
  ];
  const rows = people.map((p) => [
    p.role,
    p.name,
    formatIdentification(p.identification),
    ...(withCard ? [p.professionalCard ?? ''] : []),
  ]);
  return { type: 'table', columns, rows };
}

function presentList<T>(items: readonly T[] | undefined): items is readonly T[] {
  return items !== undefined && items.length > 0;
}

const namingLabel: Readonly<Record<CertificateKind, string>> = {
  'existencia-representacion-legal': 'Razón social',
  'matricula-persona-natural': 'Nombre',
  'matricula-establecimiento': 'Nombre del establecimiento',
};

type Builder = (input: CertificateDescription, b: CertifiedBusiness) => readonly CertificateBlock[] | null;

const builders: Readonly<Record<SectionId, Builder>> = {
  fundamento: (input) => [
    {
      type: 'paragraph',
      bold: true,
      center: true,
      text:
        `LA SECRETARÍA DE LA ${input.chamber.name.toUpperCase()}, con fundamento en las matrículas e ` +
        'inscripciones del registro mercantil,',
    },
    { type: 'certifica' },
  ],
  'nombre-identificacion-domicilio': (input, b) => [
    heading('NOMBRE, IDENTIFICACIÓN Y DOMICILIO'),
    field(`${namingLabel[input.kind]}:`, b.name),
    ...(b.sigla !== undefined ? [field('Sigla:', b.sigla)] : []),
    ...(b.identification !== undefined ? [field('Identificación:', formatIdentification(b.identification))] : []),
    ...(b.nit !== undefined ? [field('NIT:', formatNit(b.nit))] : []),
    field('Organización jurídica:', b.organizationType),
    field('Domicilio principal:', b.domicile),
  ],
  matricula: (_input, b) => [
    heading('MATRÍCULA'),
    field('Matrícula No.:', b.matricula.number),
    field('Fecha de matrícula:', formatDateEs(b.matricula.registeredOn)),
    field('Último año renovado:', String(b.matricula.lastRenewedYear)),
    ...(b.matricula.renewedOn !== undefined
      ? [field('Fecha de renovación:', formatDateEs(b.matricula.renewedOn))]
      : []),
    field('Estado de la matrícula:', b.state === 'activa' ? 'ACTIVA' : 'CANCELADA'),
  ],
  ubicacion: (_input, b) => {
    const blocks: CertificateBlock[] = [
      heading('UBICACIÓN'),
      field('Dirección comercial:', b.commercialAddress.address),
      field('Municipio:', b.commercialAddress.city),
    ];
    if (b.commercialAddress.phone !== undefined) blocks.push(field('Teléfono comercial:', b.commercialAddress.phone));
    if (b.commercialAddress.email !== undefined) blocks.push(field('Correo electrónico:', b.commercialAddress.email));
    const judicial = b.judicialAddress;
    if (judicial !== undefined) {
      blocks.push(field('Dirección para notificación judicial:', judicial.address));
      blocks.push(field('Municipio:', judicial.city));
      if (judicial.phone !== undefined) blocks.push(field('Teléfono para notificación:', judicial.phone));
      if (judicial.email !== undefined) blocks.push(field('Correo de notificación:', judicial.email));
    }
    return blocks;
  },
  constitucion: (_input, b) => {
    const c = b.constitution;
    if (c === undefined) return null;
    const registered =
      c.registeredOn !== undefined
        ? `, inscrito en esta cámara de comercio el ${formatDateEs(c.registeredOn)}` +
          (c.registration !== undefined ? ` con el ${c.registration}` : '')
        : '';
    return [
      heading('CONSTITUCIÓN'),
      paragraph(
        `Por ${c.document} del ${formatDateEs(c.date)}${registered}, se constituyó la persona jurídica ` +
          `${b.name.toUpperCase().replace(/\.+$/, '')}.`,
      ),
    ];
  },
  cancelacion: (_input, b) => {
    if (b.state !== 'cancelada') return null;
    const when = b.cancelledOn !== undefined ? ` el ${formatDateEs(b.cancelledOn)}` : '';
    return [
      heading('CANCELACIÓN'),
      paragraph(`La matrícula mercantil No. ${b.matricula.number} fue cancelada${when}.`),
    ];
  },
  'medidas-cautelares': (_input, b) =>
    presentList(b.precautionaryMeasures)
      ? [heading('EMBARGOS Y MEDIDAS CAUTELARES'), ...b.precautionaryMeasures.map(paragraph)]
      : null,
  'termino-duracion': (_input, b) =>
    b.duration !== undefined
      ? [heading('TÉRMINO DE DURACIÓN'), paragraph(`La persona jurídica tiene un término de duración ${b.duration}.`)]
      : null,
  'objeto-social': (_input, b) =>
    b.corporatePurpose !== undefined
      ? [
          heading('OBJETO SOCIAL'),
          ...b.corporatePurpose
            .split(/\n\s*\n/)
            .map((text) => text.trim())
            .filter((text) => text.length > 0)
            .map(paragraph),
        ]
      : null,
  capital: (_input, b) =>
    b.capital !== undefined
      ? [
          heading('CAPITAL'),
          {
            type: 'table',
            columns: [
              { title: 'CAPITAL', share: 0.5 },
              { title: 'VALOR', share: 0.5 },
            ],
            rows: [
              ['Capital autorizado', formatCop(b.capital.authorized)],
              ['Capital suscrito', formatCop(b.capital.subscribed)],
              ['Capital pagado', formatCop(b.capital.paid)],
            ],
          },
        ]
      : null,
  'representacion-legal': (_input, b) =>
    b.representationPowers !== undefined
      ? [heading('REPRESENTACIÓN LEGAL'), heading('FACULTADES Y LIMITACIONES'), paragraph(b.representationPowers)]
      : null,
  nombramientos: (_input, b) => {
    const blocks: CertificateBlock[] = [];
    if (presentList(b.legalRepresentatives)) {
      blocks.push(heading('NOMBRAMIENTOS: REPRESENTANTES LEGALES'), appointeesTable(b.legalRepresentatives, false));
    }
    if (presentList(b.boardOfDirectors)) {
      blocks.push(heading('NOMBRAMIENTOS: JUNTA DIRECTIVA'), appointeesTable(b.boardOfDirectors, false));
    }
    if (presentList(b.statutoryAuditors)) {
      blocks.push(heading('NOMBRAMIENTOS: REVISORES FISCALES'), appointeesTable(b.statutoryAuditors, true));
    }
    return blocks.length > 0 ? blocks : null;
  },
  reformas: (_input, b) =>
    presentList(b.amendments)
      ? [
          heading('REFORMAS DE ESTATUTOS'),
          {
            type: 'table',
            columns: [
              { title: 'DOCUMENTO', share: 0.4 },
              { title: 'FECHA', share: 0.15 },
              { title: 'INSCRIPCIÓN', share: 0.2 },
              { title: 'REFORMA', share: 0.25 },
            ],
            rows: b.amendments.map((a) => [
              a.document,
              formatDateEs(a.date),
              a.registration ?? '',
              a.description ?? '',
            ]),
          },
        ]
      : null,
  'actividad-economica': (_input, b) =>
    b.activities.length > 0
      ? [
          heading('ACTIVIDAD ECONÓMICA'),
          ...b.activities.map((activity, i) =>
            field(
              i === 0 ? 'Actividad principal:' : 'Actividad secundaria:',
              `${activity.code} – ${activity.description}`,
            ),
          ),
        ]
      : null,
  establecimientos: (_input, b) =>
    presentList(b.establishments)
      ? [
          heading('ESTABLECIMIENTOS DE COMERCIO'),
          {
            type: 'table',
            columns: [
              { title: 'NOMBRE', share: 0.36 },
              { title: 'MATRÍCULA', share: 0.16 },
              { title: 'DIRECCIÓN', share: 0.28 },
              { title: 'MUNICIPIO', share: 0.2 },
            ],
            rows: b.establishments.map((e) => [e.name, e.matricula, e.address, e.city]),
          },
        ]
      : null,
  propietarios: (_input, b) =>
    presentList(b.owners)
      ? [
          heading('PROPIETARIOS'),
          {
            type: 'table',
            columns: [
              { title: 'NOMBRE', share: 0.36 },
              { title: 'IDENTIFICACIÓN', share: 0.24 },
              { title: 'MATRÍCULA', share: 0.16 },
              { title: 'DOMICILIO', share: 0.24 },
            ],
            rows: b.owners.map((o) => [
              o.name,
              o.nit !== undefined
                ? `NIT ${formatNit(o.nit)}`
                : o.identification !== undefined
                  ? formatIdentification(o.identification)
                  : '',
              o.matricula ?? '',
              o.domicile ?? '',
            ]),
          },
        ]
      : null,
  'tamano-empresarial': (_input, b) =>
    b.businessSize !== undefined
      ? [
          heading('TAMAÑO EMPRESARIAL'),
          paragraph(
            'De conformidad con el Decreto 957 de 2019, y con la información reportada por el comerciante, ' +
              `el tamaño empresarial es ${b.businessSize}` +
              (b.ordinaryIncomePesos !== undefined
                ? `, con ingresos por actividad ordinaria de ${formatCop(b.ordinaryIncomePesos)}.`
                : '.'),
          ),
        ]
      : null,
  firma: (input) => [
    // The signature's room, name, post and seat never part.
    { type: 'gap', height: 28, keepWithNext: true },
    {
      type: 'paragraph',
      text: input.chamber.secretaryName.toUpperCase(),
      bold: true,
      center: true,
      keepWithNext: true,
    },
    { type: 'paragraph', text: 'SECRETARIO(A)', center: true, keepWithNext: true },
    {
      type: 'paragraph',
      text: `${input.chamber.name} – ${input.chamber.city}. Firma mecánica; el documento lleva firma digital.`,
      center: true,
    },
    paragraph(verificationText(input)),
    { type: 'paragraph', text: endOfCertificate, bold: true, center: true },
  ],
};

/** The sections present in `input`, in print order. */
export function certificateSections(input: CertificateDescription): readonly CertificateSection[] {
  const sections: CertificateSection[] = [];
  for (const id of certificateSectionOrder(input.kind)) {
    const blocks = builders[id](input, input.business);
    if (blocks !== null) sections.push({ id, blocks });
  }
  return sections;
}
