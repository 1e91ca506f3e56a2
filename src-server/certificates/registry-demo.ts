import { dropSchema, restoreSchema, saveSchema } from '../../db/seed/bulk-load';
import { Rng, streams, WeightedTable } from '../../db/seed/random';
import type { BusinessSize, OrganizationType } from '../../src-shared/certificates/matricula';
import { requiredRenewalYear } from '../../src-shared/certificates/renewal';
import { bogotaDate } from '../../src-shared/domain/calendar-es';
import { nitCheckDigit } from '../../src-shared/domain/nit';
import type { SqlExecutor } from '../db/sql-executor';
import { runInTransaction } from '../db/transaction';
import { demoFixedGroups, fixedNames, firstGeneratedNumber } from './registry-demo-fixed';
import { legalParts } from './registry-demo-legal';
import {
  dayBetween,
  dayNumber,
  dayOf,
  demoAddress,
  demoPerson,
  fullName,
  mailSlug,
  personEmail,
} from './registry-demo-people';
import {
  businessNames,
  companyHeads,
  demoActivities,
  demoMunicipalities,
  esalHeads,
  esalPurposes,
  nameQualifiers,
  type DemoActivity,
} from './registry-demo-tables';
import { insertRegistryRecords, registryIsEmpty, type RegistryRecord } from './registry-store';

/**
 * The demo chamber's registry (docs/registry.md): the fixed businesses the docs list first,
 * then generated owners — personas naturales with their establishments (about half), sociedades
 * (mostly S.A.S., some with an establishment) and a few ESAL — until `matriculas` entries. About
 * 10 % of the active ones have not renewed and about 3 % are cancelled (with their
 * establishments). Each owner draws from its own generator (seed, registry stream, index), so
 * the same seed, count and `now` give the same registry on every machine.
 */
export interface DemoRegistryOptions {
  readonly seed: number;
  readonly matriculas: number;
  /** Fixes today: renewal years and dates are relative to it. */
  readonly now: Date;
}

const ownerKinds = new WeightedTable<'persona-natural' | 'sociedad' | 'esal'>([
  ['persona-natural', 55],
  ['sociedad', 40],
  ['esal', 5],
]);
const companyTypes = new WeightedTable<OrganizationType>([
  ['sas', 85],
  ['ltda', 7],
  ['sa', 5],
  ['comandita-simple', 3],
]);
const esalTypes: Record<(typeof esalHeads)[number], OrganizationType> = {
  FUNDACIÓN: 'fundacion',
  ASOCIACIÓN: 'asociacion',
  CORPORACIÓN: 'corporacion',
};
const companySizes = new WeightedTable<BusinessSize>([
  ['micro', 75],
  ['pequena', 17],
  ['mediana', 6],
  ['grande', 2],
]);
const municipalities = new WeightedTable(demoMunicipalities);
const nameSuffixes: Partial<Record<OrganizationType, string>> = {
  sas: ' S.A.S.',
  sa: ' S.A.',
  ltda: ' LTDA.',
  'comandita-simple': ' S. EN C.',
};
const activitiesFor = (use: 'persona' | 'sociedad' | 'esal') =>
  new WeightedTable(
    demoActivities
      .filter((x) => x.use === use || (x.use === 'both' && use !== 'esal'))
      .map((x) => [x, x.weight] as const),
  );
const activityTables = {
  persona: activitiesFor('persona'),
  sociedad: activitiesFor('sociedad'),
  esal: activitiesFor('esal'),
};

/** A bijection of [0, 10^6): distinct owners get distinct NITs that do not look sequential. */
const scramble = (index: number): string => String((index * 7_919 + 12_345) % 1_000_000).padStart(6, '0');
const withDv = (body: string): string => `${body}${nitCheckDigit(body)}`;

interface Dates {
  readonly today: string;
  readonly year: number;
  readonly required: number;
}

/** Yields each owner with its establishments; never splits a group (the owner is a foreign key). */
export function* demoRegistryGroups(opts: DemoRegistryOptions): Generator<RegistryRecord[]> {
  const today = bogotaDate(opts.now.toISOString());
  const dates: Dates = { today, year: Number(today.slice(0, 4)), required: requiredRenewalYear(today) };
  const taken = new Set<string>(fixedNames);
  let left = opts.matriculas;
  for (const group of demoFixedGroups(opts.now)) {
    if (left <= 0) return;
    const kept = group.slice(0, left);
    left -= kept.length;
    yield kept;
  }
  let next = firstGeneratedNumber;
  for (let owner = 0; left > 0; owner += 1) {
    const group = ownerGroup(Rng.derive(opts.seed, streams.registry, owner), owner, next, dates, taken).slice(0, left);
    next += group.length;
    left -= group.length;
    yield group;
  }
}

function uniqueName(rng: Rng, taken: Set<string>, make: () => string, suffix: string): string {
  let base = make();
  for (let attempt = 0; taken.has(`${base}${suffix}`); attempt += 1) {
    base = attempt < 3 ? make() : `${make()} ${rng.pick(nameQualifiers)}`;
    if (attempt > 12) base = `${base} ${attempt}`;
  }
  taken.add(`${base}${suffix}`);
  return `${base}${suffix}`;
}

function ownerGroup(rng: Rng, index: number, firstNumber: number, d: Dates, taken: Set<string>): RegistryRecord[] {
  const kind = ownerKinds.pick(rng);
  // Registers grow: recent years hold more of the entries (1 − u³ leans towards today).
  const span = dayNumber(d.today) - 30 - dayNumber('1980-01-02');
  const u = rng.float();
  let registeredOn = dayOf(dayNumber('1980-01-02') + Math.floor(span * (1 - u * u * u)));
  let type: OrganizationType = kind === 'persona-natural' ? 'persona-natural' : companyTypes.pick(rng);
  // S.A.S. exist since Ley 1258 de 2008; half the older companies have become one since.
  if (type === 'sas' && registeredOn < '2009-01-01' && rng.chance(0.5)) type = rng.chance(0.7) ? 'ltda' : 'sa';
  const municipality = municipalities.pick(rng);
  const status = renewalOf(rng, registeredOn, d);
  const base = { state: status.state, lastRenewedYear: status.lastRenewedYear, renewedOn: status.renewedOn };
  const cancelledOn = status.cancelledOn;

  let owner: RegistryRecord;
  let activity: DemoActivity;
  if (kind === 'persona-natural') {
    activity = activityTables.persona.pick(rng);
    const person = demoPerson(rng);
    const email = personEmail(rng, person);
    const commercialAddress = demoAddress(rng, municipality, email, { local: true });
    person.docNumber = rng.chance(0.6) ? `1106${scramble(index)}` : `${rng.pick(['93', '65'])}${scramble(index)}`;
    owner = {
      number: String(firstNumber),
      kind,
      ...base,
      cancelledOn,
      name: fullName(person),
      sigla: null,
      nit: withDv(person.docNumber),
      organizationType: 'persona-natural',
      person,
      matriculatedOn: registeredOn,
      domicile: municipality,
      commercialAddress,
      judicialAddress: rng.chance(0.7) ? commercialAddress : demoAddress(rng, municipality, email),
      constitution: null,
      duration: null,
      objetoSocial: null,
      capital: null,
      assets: rng.int(2, 300) * 1_000_000,
      legalRepresentatives: [],
      board: [],
      revisorFiscal: null,
      activities: [{ code: activity.code, description: activity.description }],
      size: rng.chance(0.97) ? 'micro' : 'pequena',
      ownerNumber: null,
    };
  } else {
    const esal = kind === 'esal';
    activity = (esal ? activityTables.esal : activityTables.sociedad).pick(rng);
    const head = esal ? rng.pick(esalHeads) : null;
    if (head !== null) type = esalTypes[head];
    const suffix = nameSuffixes[type] ?? '';
    const name = uniqueName(
      rng,
      taken,
      () =>
        head !== null
          ? `${head} ${rng.pick(esalPurposes)} ${rng.pick(businessNames)}`
          : `${rng.chance(0.5) ? rng.pick(activity.shop) : rng.pick(companyHeads)} ${rng.pick(businessNames)}`,
      suffix,
    );
    const size = esal ? (rng.chance(0.9) ? 'micro' : 'pequena') : companySizes.pick(rng);
    const email = `${rng.pick(['gerencia', 'contabilidad', 'info', 'administracion'])}@${mailSlug(name)}.example`;
    const commercialAddress = demoAddress(rng, municipality, email, { local: true });
    const secondary = rng.chance(0.4) ? activityTables.sociedad.pick(rng) : null;
    owner = {
      number: String(firstNumber),
      kind,
      ...base,
      cancelledOn,
      name,
      sigla: rng.chance(0.2) ? siglaOf(name) : null,
      nit: withDv(`${esal ? '902' : '901'}${scramble(index)}`),
      organizationType: type,
      person: null,
      matriculatedOn: registeredOn,
      domicile: municipality,
      commercialAddress,
      judicialAddress: rng.chance(0.8) ? commercialAddress : demoAddress(rng, municipality, email),
      ...legalParts(rng, type, size, registeredOn, status.renewedOn),
      objetoSocial: purposeOf(activity, esal),
      assets: null,
      activities: [activity, ...(secondary && secondary.code !== activity.code ? [secondary] : [])].map((x) => ({
        code: x.code,
        description: x.description,
      })),
      size,
      ownerNumber: null,
    };
  }

  const group = [owner];
  const establishments =
    kind === 'esal'
      ? 0
      : kind === 'sociedad'
        ? rng.chance(0.35)
          ? 1
          : 0
        : rng.chance(0.12)
          ? 0
          : rng.chance(0.9)
            ? 1
            : 2;
  for (let e = 0; e < establishments; e += 1) {
    registeredOn = dayBetween(rng, owner.matriculatedOn, owner.renewedOn);
    const place = rng.chance(0.9) ? municipality : municipalities.pick(rng);
    const name = uniqueName(rng, taken, () => `${rng.pick(activity.shop)} ${rng.pick(businessNames)}`, '');
    const establishmentAddress = demoAddress(rng, place, owner.commercialAddress.email, { local: true });
    group.push({
      ...owner,
      number: String(firstNumber + 1 + e),
      kind: 'establecimiento',
      name,
      sigla: null,
      nit: null,
      organizationType: 'establecimiento-de-comercio',
      person: null,
      matriculatedOn: registeredOn,
      domicile: place,
      commercialAddress: establishmentAddress,
      // Notifications go to the owner; the establishment's own address stands for it here.
      judicialAddress: establishmentAddress,
      constitution: null,
      duration: null,
      objetoSocial: null,
      capital: null,
      assets: rng.int(1, 150) * 1_000_000,
      legalRepresentatives: [],
      board: [],
      revisorFiscal: null,
      activities: [{ code: activity.code, description: activity.description }],
      ownerNumber: owner.number,
    });
  }
  return group;
}

/** The state and renewal of an owner registered on `registeredOn`. */
function renewalOf(rng: Rng, registeredOn: string, d: Dates) {
  const registeredYear = Number(registeredOn.slice(0, 4));
  const roll = rng.float();
  let state: 'activa' | 'cancelada' = 'activa';
  let cancelledOn: string | null = null;
  let last: number;
  if (roll < 0.03 && dayNumber(registeredOn) + 200 < dayNumber(d.today)) {
    state = 'cancelada';
    cancelledOn = dayBetween(rng, dayOf(dayNumber(registeredOn) + 200), dayOf(dayNumber(d.today) - 1));
    last = Math.max(registeredYear, Number(cancelledOn.slice(0, 4)) - rng.int(0, 1));
  } else if (roll < 0.14 && registeredYear < d.required) {
    last = Math.max(registeredYear, d.required - rng.int(1, 4));
  } else {
    // Before the cutoff some have already renewed this year; the rest still count as renewed.
    last = Math.max(registeredYear, d.required < d.year && rng.chance(0.45) ? d.year : d.required);
  }
  const latest = [`${last}-03-31`, d.today, cancelledOn ?? d.today].sort()[0] ?? d.today;
  const renewedOn =
    last === registeredYear ? registeredOn : dayBetween(rng, [`${last}-01-02`, latest].sort()[0] ?? latest, latest);
  return { state, cancelledOn, lastRenewedYear: last, renewedOn };
}

function siglaOf(name: string): string {
  const words = name.replace(/ (S\.A\.S\.|S\.A\.|LTDA\.|S\. EN C\.)$/, '').split(' ');
  return words
    .filter((w) => !['EL', 'LA', 'LOS', 'LAS', 'DE', 'DEL', 'Y'].includes(w))
    .map((w) => w[0])
    .join('');
}

function purposeOf(activity: DemoActivity, esal: boolean): string {
  const what = activity.description.charAt(0).toLowerCase() + activity.description.slice(1);
  return esal
    ? `La entidad tiene por objeto, sin ánimo de lucro: ${what}, en beneficio de la comunidad del Tolima.`
    : `La sociedad tendrá como objeto principal: ${what}. Podrá realizar cualquier otra actividad económica lícita.`;
}

/**
 * Loads the demo registry into an empty one, in one transaction; a registry with entries is
 * left as it is. The table's keys and indexes are dropped for the load and rebuilt from the
 * catalog's definitions at the end (db/seed/bulk-load.ts): building the name indexes once from
 * all rows is several times faster than updating them row by row, and the rebuilt keys re-check
 * every row.
 */
export async function seedDemoRegistry(exec: SqlExecutor, opts: DemoRegistryOptions): Promise<{ matriculas: number }> {
  if (!(await registryIsEmpty(exec))) return { matriculas: 0 };
  let written = 0;
  await runInTransaction(exec, async (tx) => {
    const saved = await saveSchema(tx, ['registry_matriculas']);
    await dropSchema(tx, saved);
    let batch: RegistryRecord[] = [];
    for (const group of demoRegistryGroups(opts)) {
      batch.push(...group);
      if (batch.length >= 5_000) {
        written += await insertRegistryRecords(tx, batch);
        batch = [];
      }
    }
    written += await insertRegistryRecords(tx, batch);
    await restoreSchema(tx, saved);
  });
  // PGlite has no autovacuum: fresh statistics let the planner use the name indexes.
  await exec.query('ANALYZE registry_matriculas, registry_ciiu_activities');
  return { matriculas: written };
}
