import { barrios } from '../../db/seed/places';
import { personName } from '../../db/seed/people';
import type { Rng } from '../../db/seed/random';
import type { RegistryAddress, RegistryPerson } from '../../src-shared/certificates/matricula';
import { registryNameKey } from '../../src-shared/certificates/registry-name-key';
import { townBarrios } from './registry-demo-tables';

/**
 * People, addresses and days for the demo registry. Names come from the seed's list of common
 * Colombian given names and surnames (db/seed/people.ts); e-mail domains are `.example`, which
 * can never be a real address.
 */

const dayMs = 86_400_000;

/** `YYYY-MM-DD` → days since 1970-01-01, and back. */
export const dayNumber = (day: string): number => Math.floor(Date.parse(`${day}T00:00:00Z`) / dayMs);
export const dayOf = (n: number): string => new Date(n * dayMs).toISOString().slice(0, 10);

/** A uniform day in [from, to] (both `YYYY-MM-DD`, inclusive). */
export function dayBetween(rng: Rng, from: string, to: string): string {
  const a = dayNumber(from);
  const b = Math.max(a, dayNumber(to));
  return dayOf(rng.int(a, b));
}

/** A person appointed to something: one or two given names, two surnames, a cédula. */
export function demoPerson(rng: Rng): RegistryPerson {
  const words = personName(rng).split(' ');
  return {
    names: words.slice(0, -2).join(' '),
    surnames: words.slice(-2).join(' '),
    docType: 'CC',
    docNumber: rng.chance(0.55) ? `${rng.pick(['93', '65', '38', '14'])}${rng.digits(6)}` : `1110${rng.digits(6)}`,
  };
}

export const fullName = (person: RegistryPerson): string => `${person.names} ${person.surnames}`;

function street(rng: Rng, municipality: string): string {
  if (municipality !== 'Ibagué') {
    return `Calle ${rng.int(1, 15)} No. ${rng.int(1, 12)}-${rng.int(2, 80)}, barrio ${rng.pick(townBarrios)}`;
  }
  const barrio = rng.pick(barrios);
  if (barrio.style === 'manzana') return `Manzana ${rng.int(1, 40)} Casa ${rng.int(1, 20)}, barrio ${barrio.name}`;
  const calle = rng.int(barrio.calles[0], barrio.calles[1]);
  const carrera = rng.int(barrio.carreras[0], barrio.carreras[1]);
  const sur = barrio.south ? ' Sur' : '';
  const plate = rng.int(2, 98);
  return rng.chance(0.5)
    ? `Calle ${calle}${sur} No. ${carrera}-${plate}, barrio ${barrio.name}`
    : `Carrera ${carrera} No. ${calle}${sur}-${plate}, barrio ${barrio.name}`;
}

export const demoMobile = (rng: Rng): string =>
  `3${rng.pick(['00', '01', '02', '04', '05', '10', '11', '12', '13', '14', '15', '16', '17', '18', '20', '23'])}${rng.digits(7)}`;

/** `ferreteria-el-tolima` from `FERRETERÍA EL TOLIMA S.A.S.`, for e-mail addresses. */
export const mailSlug = (name: string): string =>
  registryNameKey(name)
    .replace(/ (sas|sa|ltda|y cia)$/, '')
    .replace(/ /g, '-')
    .slice(0, 40);

/** A business address with its phone and e-mail; `local` adds a shop unit. */
export function demoAddress(
  rng: Rng,
  municipality: string,
  email: string | null,
  opts: { local?: boolean } = {},
): RegistryAddress {
  const unit = opts.local === true && rng.chance(0.4) ? ` Local ${rng.int(1, 12)}` : '';
  return {
    address: `${street(rng, municipality)}${unit}`,
    municipality,
    department: 'Tolima',
    phone: demoMobile(rng),
    email,
  };
}

/** `maria.oyola27@correo.example` */
export function personEmail(rng: Rng, person: RegistryPerson): string {
  const first = registryNameKey(person.names).split(' ')[0] ?? 'contacto';
  const last = registryNameKey(person.surnames).split(' ')[0] ?? 'demo';
  return `${first}.${last}${rng.int(1, 99)}@correo.example`;
}
