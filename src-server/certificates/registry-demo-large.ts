import type { RegistryRecord } from './registry-store';
import { cc, empty, ibague, rep } from './registry-demo-parts';

/** A company whose existencia runs to three pages (a board, a revisor fiscal, establishments) and an ESAL. */
export function largeOnes(
  upToDate: Pick<RegistryRecord, 'state' | 'lastRenewedYear' | 'renewedOn'>,
): RegistryRecord[][] {
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
