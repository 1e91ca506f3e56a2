import type { CertificateDescription, CertifiedBusiness } from '../../src-node/certificates/certificate-document';

/**
 * Certificates of a fictitious chamber for the PDF tests: a sociedad with a realistic, long
 * objeto social (the certificate runs to several pages), a persona natural with two
 * establecimientos, and one establecimiento. Names carry accents and ñ on purpose.
 */

export const sampleChamber = {
  name: 'Cámara de Comercio de Ibagué',
  code: '32',
  city: 'Ibagué, Tolima',
  verificationBaseUrl: 'https://certificados.ccibague.example/verificar',
  secretaryName: 'Luz Ángela Muñoz Peña',
} as const;

const purposeParagraph = (n: number, topic: string): string =>
  `${n}. ${topic}. Para el desarrollo de su objeto la sociedad podrá adquirir, enajenar, gravar, administrar, ` +
  'tomar o dar en arrendamiento toda clase de bienes muebles e inmuebles; celebrar contratos de mutuo, ' +
  'fiducia, leasing y cuentas en participación; girar, aceptar, endosar, cobrar y negociar toda clase de ' +
  'títulos valores; participar en licitaciones y concursos públicos y privados; formar parte de otras ' +
  'sociedades, consorcios o uniones temporales que se propongan actividades semejantes, complementarias o ' +
  'accesorias, y en general celebrar y ejecutar todos los actos y contratos que guarden relación de medio a ' +
  'fin con las actividades principales y los que tengan como finalidad ejercer los derechos o cumplir las ' +
  'obligaciones legal o convencionalmente derivados de la existencia y actividad de la sociedad.';

const topics = [
  'La prestación de servicios de consultoría en tecnologías de la información, diseño, desarrollo, ' +
    'implantación y mantenimiento de programas de computador y sistemas de información',
  'La comercialización, importación, exportación y distribución de equipos de cómputo, redes, ' +
    'telecomunicaciones, partes y accesorios, así como su instalación y soporte técnico',
  'La capacitación, formación y entrenamiento de personal en el uso de herramientas informáticas, ' +
    'ofimática, seguridad de la información y gestión de proyectos',
  'La administración de centros de datos, servicios de computación en la nube, alojamiento web, ' +
    'copias de respaldo y recuperación ante desastres para entidades públicas y privadas',
  'La interventoría, auditoría y asesoría técnica de proyectos de ingeniería de software, ' +
    'gobierno digital y transformación digital de empresas y entidades territoriales',
  'La producción y comercialización de contenidos digitales, aplicaciones móviles, comercio electrónico ' +
    'y soluciones de pago en línea, cumpliendo la normativa de protección de datos personales',
];

export const longCorporatePurpose = [
  'La sociedad tendrá como objeto principal las siguientes actividades:',
  ...topics.map((topic, i) => purposeParagraph(i + 1, topic)),
  'Así mismo, la sociedad podrá realizar cualquier otra actividad económica lícita tanto en Colombia como ' +
    'en el extranjero, de conformidad con el artículo 5 de la Ley 1258 de 2008.',
].join('\n\n');

export const sampleCompany: CertifiedBusiness = {
  matricula: { number: '00123456', registeredOn: '2012-05-17', lastRenewedYear: 2026, renewedOn: '2026-03-28' },
  name: 'Soluciones Tecnológicas del Tolima S.A.S.',
  sigla: 'SOLTEC TOLIMA',
  nit: '900543217',
  organizationType: 'SOCIEDAD POR ACCIONES SIMPLIFICADA',
  state: 'activa',
  domicile: 'Ibagué, Tolima',
  commercialAddress: {
    address: 'Carrera 3 No. 12-45 Oficina 502, Edificio Señorial',
    city: 'Ibagué, Tolima',
    phone: '608 2771234',
    email: 'contacto@soltectolima.example',
  },
  judicialAddress: {
    address: 'Carrera 3 No. 12-45 Oficina 502',
    city: 'Ibagué, Tolima',
    phone: '315 4445566',
    email: 'notificaciones@soltectolima.example',
  },
  constitution: {
    document: 'documento privado de la asamblea de accionistas',
    date: '2012-05-10',
    registeredOn: '2012-05-17',
    registration: 'No. 45678 del Libro IX',
  },
  duration: 'INDEFINIDA',
  corporatePurpose: longCorporatePurpose,
  capital: { authorized: 500_000_000, subscribed: 250_000_000, paid: 250_000_000 },
  representationPowers:
    'La representación legal de la sociedad estará a cargo del gerente, quien tendrá un suplente que lo ' +
    'reemplazará en sus faltas absolutas, temporales o accidentales. El gerente podrá celebrar actos y ' +
    'contratos hasta por una cuantía de quinientos (500) salarios mínimos mensuales legales vigentes; para ' +
    'cuantías superiores requerirá autorización previa de la junta directiva.',
  legalRepresentatives: [
    { role: 'GERENTE', name: 'José Ñáñez Ortíz', identification: { type: 'CC', number: '14221133' } },
    {
      role: 'SUPLENTE DEL GERENTE',
      name: 'María Camila Peña Gutiérrez',
      identification: { type: 'CC', number: '1110456789' },
    },
  ],
  boardOfDirectors: [
    {
      role: 'PRINCIPAL RENGLÓN 1',
      name: 'Andrés Felipe Ríos Álvarez',
      identification: { type: 'CC', number: '93380111' },
    },
    {
      role: 'PRINCIPAL RENGLÓN 2',
      name: 'Lucía Fernández Quiñónez',
      identification: { type: 'CC', number: '65770222' },
    },
    { role: 'SUPLENTE RENGLÓN 1', name: 'Óscar Iván Muñoz Díaz', identification: { type: 'CC', number: '1110333444' } },
  ],
  statutoryAuditors: [
    {
      role: 'REVISOR FISCAL PRINCIPAL',
      name: 'Patricia Gómez Beltrán',
      identification: { type: 'CC', number: '38240555' },
      professionalCard: '123456-T',
    },
  ],
  amendments: [
    {
      document: 'Acta No. 12 de la asamblea de accionistas',
      date: '2018-03-20',
      registration: 'No. 60112 del Libro IX',
      description: 'Aumento del capital autorizado',
    },
  ],
  activities: [
    { code: '6201', description: 'Actividades de desarrollo de sistemas informáticos' },
    {
      code: '4651',
      description: 'Comercio al por mayor de computadores, equipo periférico y programas de informática',
    },
  ],
  establishments: [
    { name: 'SOLTEC TOLIMA CENTRO', matricula: '00123457', address: 'Carrera 3 No. 12-45', city: 'Ibagué' },
  ],
  businessSize: 'PEQUEÑA EMPRESA',
  ordinaryIncomePesos: 1_850_000_000,
};

export const samplePerson: CertifiedBusiness = {
  matricula: { number: '00098765', registeredOn: '2019-08-02', lastRenewedYear: 2026, renewedOn: '2026-02-14' },
  name: 'Begoña Castañeda Ruíz',
  identification: { type: 'CC', number: '28555666' },
  nit: '28555666',
  organizationType: 'PERSONA NATURAL',
  state: 'activa',
  domicile: 'Ibagué, Tolima',
  commercialAddress: { address: 'Calle 10 No. 4-20', city: 'Ibagué, Tolima', phone: '310 2223344' },
  activities: [{ code: '5611', description: 'Expendio a la mesa de comidas preparadas' }],
  establishments: [
    { name: 'Panadería La Española', matricula: '00098766', address: 'Calle 10 No. 4-20', city: 'Ibagué' },
    { name: 'Cafetería Doña Begoña', matricula: '00098767', address: 'Avenida Ambalá No. 60-15', city: 'Ibagué' },
  ],
  businessSize: 'MICROEMPRESA',
};

export const sampleEstablishment: CertifiedBusiness = {
  matricula: { number: '00098766', registeredOn: '2019-08-02', lastRenewedYear: 2024, renewedOn: '2024-03-30' },
  name: 'Panadería La Española',
  organizationType: 'ESTABLECIMIENTO DE COMERCIO',
  state: 'activa',
  domicile: 'Ibagué, Tolima',
  commercialAddress: { address: 'Calle 10 No. 4-20', city: 'Ibagué, Tolima', phone: '310 2223344' },
  activities: [{ code: '1081', description: 'Elaboración de productos de panadería' }],
  owners: [
    {
      name: 'Begoña Castañeda Ruíz',
      identification: { type: 'CC', number: '28555666' },
      matricula: '00098765',
      domicile: 'Ibagué',
    },
  ],
};

/** An existencia certificate issued 3 December 2026 at 15:04:09 in Bogotá (20:04:09 UTC). */
export const sampleExistencia: CertificateDescription = {
  kind: 'existencia-representacion-legal',
  chamber: sampleChamber,
  issuedAt: new Date('2026-12-03T20:04:09Z'),
  receiptNumber: 'R-2026-004521',
  pricePesos: 12_100,
  verificationCode: 'NA6V1suvZm',
  preview: false,
  notRenewed: false,
  business: sampleCompany,
};

export const samplePersonCertificate: CertificateDescription = {
  ...sampleExistencia,
  kind: 'matricula-persona-natural',
  pricePesos: 6_100,
  receiptNumber: 'R-2026-004522',
  verificationCode: 'k3P9xQ2mWz',
  business: samplePerson,
};

export const sampleEstablishmentCertificate: CertificateDescription = {
  ...sampleExistencia,
  kind: 'matricula-establecimiento',
  pricePesos: 6_100,
  receiptNumber: 'R-2026-004523',
  verificationCode: 'Zt7Hq1LmB4',
  notRenewed: true,
  business: sampleEstablishment,
};
