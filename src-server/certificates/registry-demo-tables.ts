/**
 * Word lists for the demo registry (registry-demo.ts). The CIIU codes and their descriptions are
 * DANE's Clasificación Industrial Internacional Uniforme, Rev. 4 adaptada para Colombia, with the
 * section letter chambers print before the four digits; the selection and its weights (how
 * often each appears) are a guess at a mid-size Tolima city's register, not statistics. The
 * municipalities are Tolima's; which of them a real Ibagué chamber serves is approximated.
 * Business names are invented combinations; none is meant to be a real company.
 */

export type ActivityUse = 'persona' | 'sociedad' | 'both' | 'esal';

export interface DemoActivity {
  readonly code: string;
  readonly description: string;
  /** Who registers with it: shops are mostly personas naturales, industry and building companies. */
  readonly use: ActivityUse;
  readonly weight: number;
  /** How an establishment with this activity is called: «FERRETERÍA», «PANADERÍA». */
  readonly shop: readonly string[];
}

const a = (
  code: string,
  description: string,
  use: ActivityUse,
  weight: number,
  shop: readonly string[],
): DemoActivity => ({ code, description, use, weight, shop });

export const demoActivities: readonly DemoActivity[] = [
  a('A0112', 'Cultivo de arroz', 'sociedad', 2, ['ARROCERA']),
  a('A0123', 'Cultivo de café', 'both', 2, ['FINCA CAFETERA']),
  a('A0141', 'Cría de ganado bovino y bufalino', 'both', 2, ['HACIENDA']),
  a('C1011', 'Procesamiento y conservación de carne y productos cárnicos', 'sociedad', 1, ['FRIGORÍFICO']),
  a('C1051', 'Elaboración de productos de molinería', 'sociedad', 1, ['MOLINO']),
  a('C1081', 'Elaboración de productos de panadería', 'both', 5, ['PANADERÍA', 'PANIFICADORA']),
  a('C1410', 'Confección de prendas de vestir, excepto prendas de piel', 'both', 3, ['CONFECCIONES']),
  a('C2511', 'Fabricación de productos metálicos para uso estructural', 'sociedad', 1, ['METALMECÁNICA']),
  a('F4111', 'Construcción de edificios residenciales', 'sociedad', 3, ['CONSTRUCTORA']),
  a('F4290', 'Construcción de otras obras de ingeniería civil', 'sociedad', 2, ['OBRAS CIVILES']),
  a('G4520', 'Mantenimiento y reparación de vehículos automotores', 'both', 3, ['TALLER', 'SERVITECA']),
  a('G4530', 'Comercio de partes, piezas (autopartes) y accesorios (lujos) para vehículos automotores', 'both', 2, [
    'AUTOPARTES',
    'REPUESTOS',
  ]),
  a('G4542', 'Mantenimiento y reparación de motocicletas y de sus partes y piezas', 'persona', 3, ['TALLER DE MOTOS']),
  a('G4620', 'Comercio al por mayor de materias primas agropecuarias; animales vivos', 'sociedad', 1, ['AGROPECUARIA']),
  a('G4631', 'Comercio al por mayor de productos alimenticios', 'sociedad', 2, ['DISTRIBUIDORA']),
  a(
    'G4663',
    'Comercio al por mayor de materiales de construcción, artículos de ferretería, pinturas, productos de vidrio, equipo y materiales de fontanería y calefacción',
    'sociedad',
    2,
    ['DEPÓSITO DE MATERIALES'],
  ),
  a(
    'G4711',
    'Comercio al por menor en establecimientos no especializados con surtido compuesto principalmente por alimentos, bebidas o tabaco',
    'persona',
    14,
    ['TIENDA', 'MINIMERCADO', 'SUPERMERCADO', 'AUTOSERVICIO'],
  ),
  a(
    'G4719',
    'Comercio al por menor en establecimientos no especializados, con surtido compuesto principalmente por productos diferentes de alimentos (víveres en general), bebidas y tabaco',
    'persona',
    4,
    ['MISCELÁNEA', 'VARIEDADES'],
  ),
  a(
    'G4723',
    'Comercio al por menor de carnes (incluye aves de corral), productos cárnicos, pescados y productos de mar, en establecimientos especializados',
    'persona',
    3,
    ['CARNICERÍA', 'FAMA', 'PESCADERÍA'],
  ),
  a(
    'G4724',
    'Comercio al por menor de bebidas y productos del tabaco, en establecimientos especializados',
    'persona',
    2,
    ['LICORERA', 'ESTANCO'],
  ),
  a(
    'G4741',
    'Comercio al por menor de computadores, equipos periféricos, programas de informática y equipos de telecomunicaciones en establecimientos especializados',
    'both',
    2,
    ['TECNOLOGÍA', 'CELULARES'],
  ),
  a(
    'G4752',
    'Comercio al por menor de artículos de ferretería, pinturas y productos de vidrio en establecimientos especializados',
    'both',
    4,
    ['FERRETERÍA', 'FERRETERÍA Y PINTURAS'],
  ),
  a(
    'G4761',
    'Comercio al por menor de libros, periódicos, materiales y artículos de papelería y escritorio, en establecimientos especializados',
    'persona',
    2,
    ['PAPELERÍA', 'LIBRERÍA'],
  ),
  a(
    'G4771',
    'Comercio al por menor de prendas de vestir y sus accesorios (incluye artículos de piel) en establecimientos especializados',
    'both',
    5,
    ['BOUTIQUE', 'ALMACÉN'],
  ),
  a(
    'G4772',
    'Comercio al por menor de todo tipo de calzado y artículos de cuero y sucedáneos del cuero en establecimientos especializados',
    'persona',
    2,
    ['CALZADO', 'ZAPATERÍA'],
  ),
  a(
    'G4773',
    'Comercio al por menor de productos farmacéuticos y medicinales, cosméticos y artículos de tocador en establecimientos especializados',
    'both',
    4,
    ['DROGUERÍA', 'FARMACIA'],
  ),
  a('H4921', 'Transporte de pasajeros', 'sociedad', 1, ['TRANSPORTES']),
  a('H4923', 'Transporte de carga por carretera', 'both', 2, ['TRANSPORTES']),
  a('I5511', 'Alojamiento en hoteles', 'both', 2, ['HOTEL', 'HOSTAL']),
  a('I5611', 'Expendio a la mesa de comidas preparadas', 'both', 8, ['RESTAURANTE', 'ASADERO', 'PIQUETEADERO']),
  a('I5613', 'Expendio de comidas preparadas en cafeterías', 'persona', 4, ['CAFETERÍA']),
  a('I5630', 'Expendio de bebidas alcohólicas para el consumo dentro del establecimiento', 'persona', 2, [
    'BAR',
    'TABERNA',
  ]),
  a(
    'J6201',
    'Actividades de desarrollo de sistemas informáticos (planificación, análisis, diseño, programación, pruebas)',
    'sociedad',
    2,
    ['SOFTWARE'],
  ),
  a('L6810', 'Actividades inmobiliarias realizadas con bienes propios o arrendados', 'sociedad', 3, ['INMOBILIARIA']),
  a('M6910', 'Actividades jurídicas', 'both', 1, ['ABOGADOS']),
  a(
    'M6920',
    'Actividades de contabilidad, teneduría de libros, auditoría financiera y asesoría tributaria',
    'both',
    2,
    ['ASESORÍAS CONTABLES'],
  ),
  a(
    'M7110',
    'Actividades de arquitectura e ingeniería y otras actividades conexas de consultoría técnica',
    'sociedad',
    2,
    ['INGENIERÍA'],
  ),
  a('N8299', 'Otras actividades de servicio de apoyo a las empresas n.c.p.', 'sociedad', 2, ['SERVICIOS']),
  a('Q8621', 'Actividades de la práctica médica, sin internación', 'both', 1, ['CONSULTORIO MÉDICO']),
  a('Q8622', 'Actividades de la práctica odontológica', 'persona', 1, ['CONSULTORIO ODONTOLÓGICO']),
  a('S9602', 'Peluquería y otros tratamientos de belleza', 'persona', 5, ['PELUQUERÍA', 'SALA DE BELLEZA', 'BARBERÍA']),
  a('S9601', 'Lavado y limpieza, incluso la limpieza en seco, de productos textiles y de piel', 'persona', 1, [
    'LAVANDERÍA',
  ]),
  a('P8559', 'Otros tipos de educación n.c.p.', 'esal', 3, ['ACADEMIA']),
  a('S9499', 'Actividades de otras asociaciones n.c.p.', 'esal', 5, ['SEDE']),
  a('R9006', 'Actividades teatrales', 'esal', 1, ['SALA']),
  a('S9412', 'Actividades de asociaciones profesionales', 'esal', 1, ['SEDE']),
];

/** Fancy names of shops and companies. */
export const businessNames = [
  'EL TOLIMENSE',
  'LA ESPIGA',
  'SAN JORGE',
  'EL COMBEIMA',
  'LA PRIMAVERA',
  'LOS OCOBOS',
  'CIUDAD MUSICAL',
  'EL PORVENIR',
  'LA ESQUINA',
  'DOÑA ROSA',
  'DON PACHO',
  'LA MONTAÑA',
  'EL TRIUNFO',
  'LA ECONOMÍA',
  'SANTA FE',
  'EL MIRADOR',
  'LA BENDICIÓN',
  'EL PARQUE',
  'LA 42',
  'LA QUINTA',
  'EL NEVADO',
  'LA PIEDRA PINTADA',
  'EL SALADO',
  'LA POLA',
  'EL JORDÁN',
  'LAS ACACIAS',
  'LOS GUADUALES',
  'EL CHICALÁ',
  'LA MARTINICA',
  'EL CAÑÓN',
  'MUSICAL',
  'LA TOTUMA',
  'EL CAFETAL',
  'LA CEIBA',
  'LOS SAMANES',
  'EL RENACER',
  'LA FORTUNA',
  'EL PROGRESO',
  'LA ESPERANZA',
  'SAN ROQUE',
  'SANTA HELENA',
  'EL RECREO',
  'LA ORQUÍDEA',
  'EL GUAMO',
  'LA CASCADA',
  'LOS ANDES',
  'MAGDALENA',
  'ANDINA',
  'DEL CENTRO',
  'LA ESTRELLA',
] as const;

/** Company name heads: «INVERSIONES EL COMBEIMA S.A.S.». */
export const companyHeads = [
  'INVERSIONES',
  'DISTRIBUIDORA',
  'COMERCIALIZADORA',
  'SOLUCIONES',
  'GRUPO',
  'SERVICIOS INTEGRALES',
  'AGROINDUSTRIAS',
  'INGENIERÍA Y PROYECTOS',
  'PROMOTORA',
  'IMPORTACIONES',
  'TRANSPORTES',
  'ALIMENTOS',
] as const;

/** Added when a name is taken: a chamber never registers two businesses with the same name. */
export const nameQualifiers = [
  'DEL TOLIMA',
  'IBAGUÉ',
  'DE COLOMBIA',
  'DEL SUR',
  'DEL NORTE',
  'CENTRAL',
  'PLUS',
  'Y CIA',
  'EXPRESS',
  'NUEVA',
] as const;

/** ESAL name heads. */
export const esalHeads = ['FUNDACIÓN', 'ASOCIACIÓN', 'CORPORACIÓN'] as const;

export const esalPurposes = [
  'CULTURAL',
  'DEPORTIVA',
  'AMBIENTAL',
  'DE MUJERES EMPRENDEDORAS',
  'DE VIVIENDA',
  'DE PRODUCTORES AGROPECUARIOS',
  'MUSICAL',
  'PARA EL DESARROLLO SOCIAL',
  'DE PADRES DE FAMILIA',
  'DE COMERCIANTES',
] as const;

/** Tolima municipalities and their share of the registry (Ibagué, the chamber's seat, most). */
export const demoMunicipalities: readonly (readonly [string, number])[] = [
  ['Ibagué', 72],
  ['Chaparral', 3],
  ['Líbano', 3],
  ['Cajamarca', 2],
  ['Rovira', 2],
  ['Venadillo', 2],
  ['Alvarado', 1],
  ['Anzoátegui', 1],
  ['Coello', 1],
  ['San Antonio', 1],
  ['Ortega', 1],
  ['Coyaima', 1],
  ['Natagaima', 1],
  ['Planadas', 1],
  ['Rioblanco', 1],
  ['Ataco', 1],
  ['Valle de San Juan', 1],
  ['Santa Isabel', 1],
  ['Piedras', 1],
  ['Roncesvalles', 1],
  ['Murillo', 1],
  ['Villahermosa', 1],
];

/** Barrios of towns other than Ibagué (whose barrios come from db/seed/places.ts). */
export const townBarrios = ['Centro', 'El Carmen', 'San Isidro', 'La Esperanza', 'Villa del Río', 'El Jardín'];

/** Notarías that attest public deeds (escrituras) of the companies that need one. */
export const notarias = ['Primera de Ibagué', 'Segunda de Ibagué', 'Tercera de Ibagué', 'Cuarta de Ibagué'] as const;
