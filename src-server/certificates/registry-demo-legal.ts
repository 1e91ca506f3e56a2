import type { Rng } from '../../db/seed/random';
import { formatDateEs } from '../../src-shared/domain/calendar-es';
import type {
  Appointment,
  BoardSeat,
  BusinessSize,
  Capital,
  Matricula,
  OrganizationType,
  RevisorFiscal,
} from '../../src-shared/certificates/matricula';
import { dayBetween, dayNumber, dayOf, demoPerson } from './registry-demo-people';
import { notarias } from './registry-demo-tables';

/**
 * The parts only legal persons have, for the demo registry: how they were constituted, for
 * how long, with what capital, and who represents and oversees them. S.A.S. are constituted by
 * private document and usually last indefinitely; Ltda., S.A. and comanditas by public deed
 * and for a term. Every S.A. has a junta directiva and a revisor fiscal; larger S.A.S. too.
 */

type LegalParts = Pick<
  Matricula,
  'constitution' | 'duration' | 'capital' | 'legalRepresentatives' | 'board' | 'revisorFiscal'
>;

const millions = (rng: Rng, low: number, high: number): number => rng.int(low, high) * 1_000_000;

const capitalRange: Record<BusinessSize, readonly [number, number]> = {
  micro: [1, 200],
  pequena: [200, 2_000],
  mediana: [2_000, 10_000],
  grande: [10_000, 60_000],
};

function capitalOf(rng: Rng, type: OrganizationType, size: BusinessSize): Capital {
  const [low, high] = capitalRange[size];
  const autorizado = millions(rng, low, high);
  // Ltda. and comanditas have one capital, fully subscribed and paid at constitution.
  if (type === 'ltda' || type === 'comandita-simple') return { autorizado, suscrito: autorizado, pagado: autorizado };
  const suscrito = Math.max(1_000_000, Math.round((autorizado * rng.int(50, 100)) / 100 / 1_000_000) * 1_000_000);
  const pagado = Math.max(1_000_000, Math.round((suscrito * rng.int(50, 100)) / 100 / 1_000_000) * 1_000_000);
  return { autorizado, suscrito, pagado };
}

function appoint(rng: Rng, cargo: string, appointedBy: string, appointedOn: string): Appointment {
  return { ...demoPerson(rng), cargo, appointedBy, appointedOn };
}

/** The body that appoints, by organisation type. */
const appointingBody: Partial<Record<OrganizationType, string>> = {
  sas: 'la Asamblea de Accionistas',
  sa: 'la Asamblea General de Accionistas',
  ltda: 'la Junta de Socios',
  'comandita-simple': 'la Junta de Socios',
};

const cargos: Partial<Record<OrganizationType, readonly [string, string]>> = {
  sas: ['GERENTE', 'REPRESENTANTE LEGAL SUPLENTE'],
  sa: ['PRESIDENTE', 'PRIMER SUPLENTE DEL PRESIDENTE'],
  ltda: ['GERENTE', 'SUBGERENTE'],
  'comandita-simple': ['SOCIO GESTOR', 'SOCIO GESTOR SUPLENTE'],
  asociacion: ['PRESIDENTE', 'VICEPRESIDENTE'],
  fundacion: ['DIRECTOR EJECUTIVO', 'SUPLENTE DEL DIRECTOR EJECUTIVO'],
  corporacion: ['PRESIDENTE', 'VICEPRESIDENTE'],
};

function board(rng: Rng, seats: number): BoardSeat[] {
  const out: BoardSeat[] = [];
  for (let seat = 1; seat <= seats; seat += 1) {
    out.push({ ...demoPerson(rng), role: 'principal', seat });
    if (rng.chance(0.8)) out.push({ ...demoPerson(rng), role: 'suplente', seat });
  }
  return out;
}

/**
 * A legal person's constitution, term, capital and appointments. `registeredOn` is its
 * matrícula's day; appointments are made between it and `lastActOn`.
 */
export function legalParts(
  rng: Rng,
  type: OrganizationType,
  size: BusinessSize,
  registeredOn: string,
  lastActOn: string,
): LegalParts {
  const esal = type === 'asociacion' || type === 'fundacion' || type === 'corporacion';
  const constitutedOn = dayOf(dayNumber(registeredOn) - rng.int(0, 12));
  const book = esal ? 'I de las entidades sin ánimo de lucro' : 'IX';
  const registration = `Inscrita el ${formatDateEs(registeredOn)} bajo el No. ${rng.int(1_000, 99_999)} del libro ${book}`;
  const byPublicDeed = type === 'ltda' || type === 'sa' || type === 'comandita-simple';
  const document = byPublicDeed
    ? `Escritura Pública No. ${rng.int(100, 4_999)} de la Notaría ${rng.pick(notarias)}`
    : esal
      ? 'Acta de constitución de la Asamblea de Fundadores'
      : 'Documento privado';
  const indefinite = type === 'sas' ? rng.chance(0.95) : esal ? rng.chance(0.7) : false;
  const untilYear = Number(constitutedOn.slice(0, 4)) + rng.pick([20, 30, 50, 99]);
  const duration = indefinite ? ('indefinida' as const) : { until: `${untilYear}${constitutedOn.slice(4)}` };

  // The current representatives were appointed at constitution or by a later act.
  const [principal, suplente] = cargos[type] ?? ['REPRESENTANTE LEGAL', 'REPRESENTANTE LEGAL SUPLENTE'];
  const later = rng.chance(0.5);
  const actOn = later ? dayBetween(rng, registeredOn, lastActOn) : constitutedOn;
  const body = appointingBody[type] ?? 'la Asamblea General';
  const act = later
    ? `Acta No. ${rng.int(2, 60)} de ${body} del ${formatDateEs(actOn)}`
    : `${document} del ${formatDateEs(constitutedOn)}`;
  const legalRepresentatives = [appoint(rng, principal, act, actOn)];
  if (type !== 'sas' || rng.chance(0.6)) legalRepresentatives.push(appoint(rng, suplente, act, actOn));

  const bigEnough = size !== 'micro';
  const hasBoard = type === 'sa' || esal || (type === 'sas' && bigEnough && rng.chance(0.35));
  const revisor: RevisorFiscal | null =
    type === 'sa' || (bigEnough && rng.chance(0.6))
      ? { ...appoint(rng, 'REVISOR FISCAL PRINCIPAL', act, actOn), professionalCard: `${rng.int(10_000, 250_000)}-T` }
      : null;
  return {
    constitution: { document, date: constitutedOn, registration },
    duration,
    capital: esal ? null : capitalOf(rng, type, size),
    legalRepresentatives,
    board: hasBoard ? board(rng, type === 'sa' ? 5 : 3) : [],
    revisorFiscal: revisor,
  };
}
