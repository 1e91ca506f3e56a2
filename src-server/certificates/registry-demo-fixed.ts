import { requiredRenewalYear } from '../../src-shared/certificates/renewal';
import { bogotaDate } from '../../src-shared/domain/calendar-es';
import type { RegistryRecord } from './registry-store';
import { largeOnes } from './registry-demo-large';
import { cc, empty, ibague, rep } from './registry-demo-parts';

/**
 * The demo businesses docs/registry.md lists, to try at the kiosk: always in the registry,
 * whatever the seed, with matrículas 50001–50010 (the generated ones start at 100001). The
 * ferretería is the wallet demo's company (NIT 900.123.456-8, db/seed/wallet.ts), so its prepaid
 * balance can buy its own certificate. Their renewal is relative to `now`: the one meant to be
 * up to date always is, the one meant to be behind always is.
 */
export const firstGeneratedNumber = 100_001;

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
