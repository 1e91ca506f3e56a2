import type { Appointment, RegistryAddress, RegistryPerson } from '../../src-shared/certificates/matricula';
import { requiredRenewalYear } from '../../src-shared/certificates/renewal';
import { bogotaDate } from '../../src-shared/domain/calendar-es';
import type { RegistryRecord } from './registry-store';

/**
 * The demo businesses docs/registry.md lists, to try at the kiosk: always in the registry,
 * whatever the seed, with matrículas 50001–50010 (the generated ones start at 100001). The
 * ferretería is the wallet demo's company (NIT 900.123.456-8, db/seed/wallet.ts), so its prepaid
 * balance can buy its own certificate. Their renewal is relative to `now`: the one meant to be
 * up to date always is, the one meant to be behind always is.
 */
export const firstGeneratedNumber = 100_001;

const ibague = (address: string, phone: string, email: string | null): RegistryAddress => ({
  address,
  municipality: 'Ibagué',
  department: 'Tolima',
  phone,
  email,
});

const cc = (names: string, surnames: string, docNumber: string): RegistryPerson => ({
  names,
  surnames,
  docType: 'CC',
  docNumber,
});

const rep = (person: RegistryPerson, cargo: string, appointedBy: string, appointedOn: string): Appointment => ({
  ...person,
  cargo,
  appointedBy,
  appointedOn,
});

type Blank = Pick<
  RegistryRecord,
  | 'sigla'
  | 'person'
  | 'constitution'
  | 'duration'
  | 'objetoSocial'
  | 'capital'
  | 'assets'
  | 'legalRepresentatives'
  | 'board'
  | 'revisorFiscal'
  | 'cancelledOn'
  | 'ownerNumber'
>;

/** What an entry lacks unless it says otherwise. */
const empty: Blank = {
  sigla: null,
  person: null,
  constitution: null,
  duration: null,
  objetoSocial: null,
  capital: null,
  assets: null,
  legalRepresentatives: [],
  board: [],
  revisorFiscal: null,
  cancelledOn: null,
  ownerNumber: null,
};

const ferreteriaAddress = ibague(
  'Carrera 5 No. 37-12, barrio Hipódromo',
  '3104445566',
  'tesoreria@ferreteria-tolima.example',
);

export const fixedNames = [
  'FERRETERÍA EL TOLIMA S.A.S.',
  'FERRETERÍA EL TOLIMA',
  'PANADERÍA LA ESPIGA DORADA S.A.S.',
  'CONFECCIONES COMBEIMA LTDA.',
  'TIENDA DOÑA MAFE',
  'ARROCERA DEL TOLIMA S.A.',
  'MOLINO ARROCERO DEL TOLIMA',
  'TIENDA DEL ARROZ DEL TOLIMA',
  'FUNDACIÓN MUSICAL DEL TOLIMA',
] as const;

/** The fixed entries, owner first in each group. */
export function demoFixedGroups(now: Date): RegistryRecord[][] {
  const today = bogotaDate(now.toISOString());
  const year = Number(today.slice(0, 4));
  const upToDate = {
    state: 'activa' as const,
    lastRenewedYear: year,
    renewedOn: [`${year}-03-10`, today].sort()[0] ?? today,
  };
  const gerente = cc('CARLOS ANDRÉS', 'BOCANEGRA OYOLA', '93384512');
  const ferreteria: RegistryRecord = {
    ...empty,
    ...upToDate,
    number: '50001',
    kind: 'sociedad',
    name: 'FERRETERÍA EL TOLIMA S.A.S.',
    sigla: 'FERRETOLIMA',
    nit: '9001234568',
    organizationType: 'sas',
    matriculatedOn: '2012-03-14',
    domicile: 'Ibagué',
    commercialAddress: ferreteriaAddress,
    judicialAddress: ferreteriaAddress,
    constitution: {
      document: 'Documento privado',
      date: '2012-03-09',
      registration: 'Inscrita el 14/03/2012 bajo el No. 41873 del libro IX',
    },
    duration: 'indefinida',
    objetoSocial:
      'La sociedad tendrá como objeto principal el comercio al por menor y al por mayor de artículos de ferretería, ' +
      'pinturas, productos de vidrio y materiales de construcción. Así mismo podrá realizar cualquier otra actividad ' +
      'económica lícita, tanto en Colombia como en el extranjero.',
    capital: { autorizado: 500_000_000, suscrito: 300_000_000, pagado: 300_000_000 },
    legalRepresentatives: [
      rep(gerente, 'GERENTE', 'Documento privado del 09/03/2012', '2012-03-09'),
      rep(
        cc('SANDRA MILENA', 'PRADA TAPIERO', '65765432'),
        'REPRESENTANTE LEGAL SUPLENTE',
        'Acta No. 14 de la Asamblea de Accionistas del 20/03/2021',
        '2021-03-20',
      ),
    ],
    activities: [
      {
        code: 'G4752',
        description:
          'Comercio al por menor de artículos de ferretería, pinturas y productos de vidrio en establecimientos especializados',
      },
      {
        code: 'G4663',
        description:
          'Comercio al por mayor de materiales de construcción, artículos de ferretería, pinturas, productos de vidrio, equipo y materiales de fontanería y calefacción',
      },
    ],
    size: 'pequena',
  };
  const ferreteriaShop: RegistryRecord = {
    ...ferreteria,
    ...empty,
    number: '50002',
    kind: 'establecimiento',
    name: 'FERRETERÍA EL TOLIMA',
    nit: null,
    organizationType: 'establecimiento-de-comercio',
    matriculatedOn: '2012-03-14',
    assets: 180_000_000,
    activities: ferreteria.activities.slice(0, 1),
    ownerNumber: '50001',
  };

  const espigaAddress = ibague('Calle 60 No. 4-25, barrio La Campiña', '3152223344', 'pedidos@espiga-dorada.example');
  const behind = requiredRenewalYear(today) - 2;
  const panaderia: RegistryRecord = {
    ...empty,
    number: '50003',
    kind: 'sociedad',
    state: 'activa',
    lastRenewedYear: behind,
    renewedOn: `${behind}-03-27`,
    name: 'PANADERÍA LA ESPIGA DORADA S.A.S.',
    nit: '9007654326',
    organizationType: 'sas',
    matriculatedOn: '2015-07-21',
    domicile: 'Ibagué',
    commercialAddress: espigaAddress,
    judicialAddress: espigaAddress,
    constitution: {
      document: 'Documento privado',
      date: '2015-07-17',
      registration: 'Inscrita el 21/07/2015 bajo el No. 58210 del libro IX',
    },
    duration: 'indefinida',
    objetoSocial:
      'La sociedad tendrá como objeto principal la elaboración y venta de productos de panadería y pastelería. ' +
      'Así mismo podrá realizar cualquier otra actividad económica lícita.',
    capital: { autorizado: 40_000_000, suscrito: 20_000_000, pagado: 20_000_000 },
    legalRepresentatives: [
      rep(cc('JAIRO', 'GUAYARA DEVIA', '14238765'), 'GERENTE', 'Documento privado del 17/07/2015', '2015-07-17'),
    ],
    activities: [{ code: 'C1081', description: 'Elaboración de productos de panadería' }],
    size: 'micro',
  };

  const combeimaAddress = ibague('Calle 17 No. 2-41, barrio Centro', '3008889900', null);
  const confecciones: RegistryRecord = {
    ...empty,
    number: '50004',
    kind: 'sociedad',
    state: 'cancelada',
    cancelledOn: `${year - 1}-06-28`,
    lastRenewedYear: year - 1,
    renewedOn: `${year - 1}-03-20`,
    name: 'CONFECCIONES COMBEIMA LTDA.',
    nit: '8002345670',
    organizationType: 'ltda',
    matriculatedOn: '1998-05-11',
    domicile: 'Ibagué',
    commercialAddress: combeimaAddress,
    judicialAddress: combeimaAddress,
    constitution: {
      document: 'Escritura Pública No. 1287 de la Notaría Segunda de Ibagué',
      date: '1998-05-06',
      registration: 'Inscrita el 11/05/1998 bajo el No. 9342 del libro IX',
    },
    duration: { until: '2028-05-06' },
    objetoSocial: 'La sociedad tendrá como objeto principal la confección de prendas de vestir y su comercialización.',
    capital: { autorizado: 60_000_000, suscrito: 60_000_000, pagado: 60_000_000 },
    legalRepresentatives: [
      rep(
        cc('GLORIA ESPERANZA', 'MONTEALEGRE ARIAS', '38256120'),
        'GERENTE',
        'Escritura Pública No. 1287 del 06/05/1998',
        '1998-05-06',
      ),
    ],
    activities: [{ code: 'C1410', description: 'Confección de prendas de vestir, excepto prendas de piel' }],
    size: 'micro',
  };

  const mafe = cc('MARÍA FERNANDA', 'OYOLA PRADA', '1110456789');
  const mafeAddress = ibague('Calle 42 No. 5-31, barrio Cádiz', '3201234567', 'mafe.oyola@correo.example');
  const persona: RegistryRecord = {
    ...empty,
    ...upToDate,
    number: '50005',
    kind: 'persona-natural',
    name: 'MARÍA FERNANDA OYOLA PRADA',
    nit: '11104567891',
    organizationType: 'persona-natural',
    person: mafe,
    matriculatedOn: '2019-02-11',
    domicile: 'Ibagué',
    commercialAddress: mafeAddress,
    judicialAddress: mafeAddress,
    assets: 35_000_000,
    activities: [
      {
        code: 'G4711',
        description:
          'Comercio al por menor en establecimientos no especializados con surtido compuesto principalmente por alimentos, bebidas o tabaco',
      },
    ],
    size: 'micro',
  };
  const tienda: RegistryRecord = {
    ...persona,
    ...empty,
    number: '50006',
    kind: 'establecimiento',
    name: 'TIENDA DOÑA MAFE',
    nit: null,
    organizationType: 'establecimiento-de-comercio',
    assets: 12_000_000,
    ownerNumber: '50005',
  };

  return [[ferreteria, ferreteriaShop], [panaderia], [confecciones], [persona, tienda], ...largeOnes(upToDate)];
}

/** A company whose existencia runs to three pages (a board, a revisor fiscal, establishments) and an ESAL. */
function largeOnes(upToDate: Pick<RegistryRecord, 'state' | 'lastRenewedYear' | 'renewedOn'>): RegistryRecord[][] {
  const address = ibague('Carrera 3 No. 12-45 Piso 4, barrio Centro', '3187654321', 'gerencia@arrocera-tolima.example');
  const junta = 'Acta No. 88 de la Asamblea General de Accionistas del 25/03/2024';
  const seat = (names: string, surnames: string, doc: string, role: 'principal' | 'suplente', n: number) => ({
    ...cc(names, surnames, doc),
    role,
    seat: n,
  });
  const arrocera: RegistryRecord = {
    ...empty,
    ...upToDate,
    number: '50007',
    kind: 'sociedad',
    name: 'ARROCERA DEL TOLIMA S.A.',
    sigla: 'ARROTOL',
    nit: '8907001230',
    organizationType: 'sa',
    matriculatedOn: '1987-09-14',
    domicile: 'Ibagué',
    commercialAddress: address,
    judicialAddress: address,
    constitution: {
      document: 'Escritura Pública No. 2291 de la Notaría Primera de Ibagué',
      date: '1987-09-10',
      registration: 'Inscrita el 14/09/1987 bajo el No. 3127 del libro IX',
    },
    duration: { until: '2087-09-10' },
    objetoSocial:
      'La sociedad tendrá como objeto principal: a) el cultivo, la compra, el secamiento, el almacenamiento, la ' +
      'trilla y la venta de arroz y de sus subproductos; b) la compra y venta de semillas, insumos y maquinaria ' +
      'agrícola; c) la prestación de servicios de asistencia técnica a productores del Tolima; d) la importación y ' +
      'exportación de los bienes relacionados con su objeto; e) la inversión en sociedades de objeto similar o ' +
      'complementario. En desarrollo de su objeto podrá adquirir, enajenar y gravar bienes muebles e inmuebles, ' +
      'celebrar contratos de mutuo, otorgar garantías y, en general, celebrar todos los actos y contratos ' +
      'relacionados directamente con su objeto social.',
    capital: { autorizado: 20_000_000_000, suscrito: 12_500_000_000, pagado: 12_500_000_000 },
    legalRepresentatives: [
      rep(
        cc('HERNANDO', 'LOZANO BONILLA', '93123456'),
        'PRESIDENTE',
        'Acta No. 412 de la Junta Directiva del 02/04/2024',
        '2024-04-02',
      ),
      rep(
        cc('ADRIANA', 'CALDERÓN REYES', '65498732'),
        'PRIMER SUPLENTE DEL PRESIDENTE',
        'Acta No. 412 de la Junta Directiva del 02/04/2024',
        '2024-04-02',
      ),
    ],
    board: [
      seat('JORGE ELIÉCER', 'RAMÍREZ TRUJILLO', '14220334', 'principal', 1),
      seat('MARTHA LUCÍA', 'VARGAS CAICEDO', '38220411', 'suplente', 1),
      seat('ÁLVARO', 'POLANÍA ROJAS', '93401234', 'principal', 2),
      seat('CLAUDIA', 'SAAVEDRA CUBILLOS', '65701234', 'suplente', 2),
      seat('FERNANDO', 'ARCINIEGAS YATE', '14301987', 'principal', 3),
      seat('PATRICIA', 'GUTIÉRREZ LEAL', '38301456', 'suplente', 3),
      seat('GUSTAVO', 'MURILLO VERA', '93456123', 'principal', 4),
      seat('LILIANA', 'ZAMBRANO PARRA', '65432198', 'suplente', 4),
      seat('MAURICIO', 'CARVAJAL ACOSTA', '1110234567', 'principal', 5),
      seat('DIANA', 'BELTRÁN ROMERO', '1110765432', 'suplente', 5),
    ],
    revisorFiscal: {
      ...rep(cc('WILSON', 'TAPIERO SALAZAR', '93222111'), 'REVISOR FISCAL PRINCIPAL', junta, '2024-03-25'),
      professionalCard: '87456-T',
    },
    activities: [
      { code: 'C1051', description: 'Elaboración de productos de molinería' },
      { code: 'A0112', description: 'Cultivo de arroz' },
    ],
    size: 'grande',
  };
  const shop = (number: string, name: string, municipality: string, street: string): RegistryRecord => ({
    ...arrocera,
    ...empty,
    number,
    kind: 'establecimiento',
    name,
    nit: null,
    organizationType: 'establecimiento-de-comercio',
    matriculatedOn: '2003-02-17',
    domicile: municipality,
    commercialAddress: { ...address, address: street, municipality },
    assets: 2_400_000_000,
    ownerNumber: '50007',
  });
  const fundacionAddress = ibague(
    'Calle 9 No. 1-18, barrio La Pola',
    '3115556677',
    'contacto@fundacion-musical.example',
  );
  const fundacion: RegistryRecord = {
    ...empty,
    ...upToDate,
    number: '50010',
    kind: 'esal',
    name: 'FUNDACIÓN MUSICAL DEL TOLIMA',
    nit: '9009876547',
    organizationType: 'fundacion',
    matriculatedOn: '2008-11-04',
    domicile: 'Ibagué',
    commercialAddress: fundacionAddress,
    judicialAddress: fundacionAddress,
    constitution: {
      document: 'Acta de constitución de la Asamblea de Fundadores',
      date: '2008-10-30',
      registration: 'Inscrita el 04/11/2008 bajo el No. 1876 del libro I de las entidades sin ánimo de lucro',
    },
    duration: 'indefinida',
    objetoSocial:
      'La fundación tiene por objeto, sin ánimo de lucro, la formación musical de niños y jóvenes del Tolima y la ' +
      'difusión de la música andina colombiana.',
    legalRepresentatives: [
      rep(
        cc('ANA MARÍA', 'BOCANEGRA DEVIA', '1110678901'),
        'DIRECTORA EJECUTIVA',
        'Acta No. 31 del Consejo Directivo del 15/02/2025',
        '2025-02-15',
      ),
    ],
    board: [
      seat('LUIS ALBERTO', 'OSORIO GUZMÁN', '14234567', 'principal', 1),
      seat('TERESA', 'MEDINA CASTRO', '38234567', 'principal', 2),
      seat('RAFAEL', 'HERRERA QUINTERO', '93234567', 'principal', 3),
    ],
    activities: [{ code: 'P8559', description: 'Otros tipos de educación n.c.p.' }],
    size: 'micro',
  };
  return [
    [
      arrocera,
      shop('50008', 'MOLINO ARROCERO DEL TOLIMA', 'Venadillo', 'Kilómetro 2 vía Venadillo - Ibagué'),
      shop('50009', 'TIENDA DEL ARROZ DEL TOLIMA', 'Ibagué', 'Carrera 5 No. 60-14, barrio La Campiña'),
    ],
    [fundacion],
  ];
}
