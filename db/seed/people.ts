/**
 * Holder names. Every holder is synthetic: a random combination of common Colombian given
 * names and surnames (Tolima surnames included), or an invented business or public body. No
 * list here comes from a register of real people or companies.
 * Names are upper case, as utilities print them on bills.
 */
import type { Rng } from './random';

const femaleNames = [
  'MARÍA',
  'LUZ',
  'ANA',
  'SANDRA',
  'CLAUDIA',
  'MARTHA',
  'GLORIA',
  'DIANA',
  'PAOLA',
  'ANDREA',
  'CAROLINA',
  'ÁNGELA',
  'LILIANA',
  'BLANCA',
  'ROSA',
  'CARMEN',
  'YOLANDA',
  'ADRIANA',
  'PATRICIA',
  'NANCY',
  'MÓNICA',
  'JULIANA',
  'VALENTINA',
  'DANIELA',
  'LAURA',
  'CAMILA',
  'NATALIA',
  'ALEJANDRA',
  'LORENA',
  'ESPERANZA',
  'MARLENY',
  'YANETH',
  'OLGA',
  'STELLA',
  'DORIS',
  'CECILIA',
  'AMPARO',
  'MARCELA',
  'VIVIANA',
  'XIMENA',
  'LUCÍA',
  'ISABEL',
  'TERESA',
  'EMILSE',
  'NUBIA',
] as const;

const maleNames = [
  'JOSÉ',
  'LUIS',
  'CARLOS',
  'JUAN',
  'JORGE',
  'JAIRO',
  'HERNANDO',
  'ÁLVARO',
  'FERNANDO',
  'ÓSCAR',
  'ANDRÉS',
  'DIEGO',
  'JAVIER',
  'RICARDO',
  'ÉDGAR',
  'GUSTAVO',
  'FABIO',
  'WILSON',
  'JHON',
  'HÉCTOR',
  'MAURICIO',
  'ALEXANDER',
  'CAMILO',
  'SANTIAGO',
  'SEBASTIÁN',
  'FELIPE',
  'DAVID',
  'MIGUEL',
  'PEDRO',
  'RAFAEL',
  'NELSON',
  'ORLANDO',
  'GERMÁN',
  'HUMBERTO',
  'ARMANDO',
  'EDUARDO',
  'ALBERTO',
  'ANTONIO',
  'MANUEL',
  'WILLIAM',
  'ALFONSO',
  'ARLEY',
  'YESID',
] as const;

const surnames = [
  'RODRÍGUEZ',
  'GONZÁLEZ',
  'MARTÍNEZ',
  'GARCÍA',
  'LÓPEZ',
  'HERNÁNDEZ',
  'SÁNCHEZ',
  'RAMÍREZ',
  'PÉREZ',
  'DÍAZ',
  'TORRES',
  'MORENO',
  'GÓMEZ',
  'ROJAS',
  'VARGAS',
  'JIMÉNEZ',
  'CASTRO',
  'SUÁREZ',
  'ORTIZ',
  'RUIZ',
  'HERRERA',
  'MEDINA',
  'AGUILAR',
  'CASTILLO',
  'GUZMÁN',
  'OSORIO',
  'VALENCIA',
  'CARDONA',
  'QUINTERO',
  'BARRETO',
  'LOZANO',
  'PRADA',
  'BONILLA',
  'REYES',
  'ARIAS',
  'TRUJILLO',
  'MONTEALEGRE',
  'BOCANEGRA',
  'OYOLA',
  'CAICEDO',
  'GUTIÉRREZ',
  'MURILLO',
  'SALAZAR',
  'ZAMBRANO',
  'LEAL',
  'POLANÍA',
  'CALDERÓN',
  'RIVERA',
  'RUBIO',
  'ALVARADO',
  'TAPIERO',
  'CARVAJAL',
  'VERA',
  'VANEGAS',
  'PARRA',
  'ACOSTA',
  'ROMERO',
  'BELTRÁN',
  'GUAYARA',
  'DEVIA',
  'SAAVEDRA',
  'ARCINIEGAS',
  'CUBILLOS',
  'YATE',
] as const;

const shops = [
  'TIENDA',
  'PANADERÍA',
  'DROGUERÍA',
  'MISCELÁNEA',
  'RESTAURANTE',
  'FERRETERÍA',
  'PELUQUERÍA',
  'CAFETERÍA',
  'LAVANDERÍA',
  'SUPERMERCADO',
  'TALLER',
  'FRUTERÍA',
  'PAPELERÍA',
  'CARNICERÍA',
] as const;

const shopNames = [
  'LA ESPIGA',
  'EL TOLIMENSE',
  'SAN JORGE',
  'LA 42',
  'EL MANGO',
  'LA PRIMAVERA',
  'LOS OCOBOS',
  'CIUDAD MUSICAL',
  'EL PORVENIR',
  'LA ESQUINA',
  'EL COMBEIMA',
  'DOÑA ROSA',
  'DON PACHO',
  'LA MONTAÑA',
  'EL TRIUNFO',
  'LA ECONOMÍA',
  'SANTA FE',
  'EL MIRADOR',
  'LA BENDICIÓN',
  'EL PARQUE',
] as const;

const industries = [
  'ARROCERA',
  'MOLINO',
  'CONFECCIONES',
  'LADRILLERA',
  'METALMECÁNICA',
  'PROCESADORA DE ALIMENTOS',
  'LÁCTEOS',
  'EMBOTELLADORA',
  'CURTIEMBRE',
  'INDUSTRIAS',
] as const;

const industryNames = [
  'DEL TOLIMA',
  'COMBEIMA',
  'LA MEJORANA',
  'EL PAPAYO',
  'ANDINA',
  'DEL CENTRO',
  'MUSICAL',
] as const;

const publicBodies = [
  'INSTITUCIÓN EDUCATIVA',
  'PUESTO DE SALUD',
  'ESTACIÓN DE POLICÍA',
  'CENTRO CULTURAL',
  'SALÓN COMUNAL',
  'POLIDEPORTIVO',
  'HOGAR INFANTIL',
] as const;

/** `MARÍA LUCÍA OYOLA PRADA`: one or two given names and two surnames, as on a cédula. */
export function personName(rng: Rng): string {
  const given = rng.chance(0.5) ? femaleNames : maleNames;
  const first = rng.pick(given);
  const second = rng.chance(0.55) ? ` ${rng.pick(given)}` : '';
  const name = second === ` ${first}` ? '' : second;
  return `${first}${name} ${rng.pick(surnames)} ${rng.pick(surnames)}`;
}

export function shopName(rng: Rng): string {
  const kind = rng.pick(shops);
  const suffix = rng.chance(0.3) ? ' S.A.S.' : '';
  return `${kind} ${rng.pick(shopNames)}${suffix}`;
}

export function industryName(rng: Rng): string {
  const suffix = rng.chance(0.7) ? ' S.A.S.' : ' LTDA.';
  return `${rng.pick(industries)} ${rng.pick(industryNames)}${suffix}`;
}

/** Public connections carry the body and the barrio they serve: `SALÓN COMUNAL EL SALADO`. */
export function publicBodyName(rng: Rng, barrio: string): string {
  return `${rng.pick(publicBodies)} ${barrio.toUpperCase()}`;
}
