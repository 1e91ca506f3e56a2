import { err, ok, type ApiError, type Result } from '../../src-shared/api/result';
import type { Matricula, MatriculaRef } from '../../src-shared/certificates/matricula';
import { searchWords } from '../../src-shared/certificates/registry-name-key';
import { nitCheckDigit } from '../../src-shared/domain/nit';
import type { SqlExecutor } from '../db/sql-executor';
import { matriculaFromRow, registryColumns, type RegistryRow } from './registry-store';

/**
 * Finding registry entries the ways a citizen at the kiosk can: by NIT (with its check digit,
 * which must be right, or without it), by matrícula number, or by name. A name matches when
 * every typed word begins a word of the name or its sigla, without accents or case: «ferret
 * tolima» finds FERRETERÍA EL TOLIMA S.A.S. (a GIN full-text index on the normalised name;
 * db/server/schema/registry.ts). Names that begin with what was typed come first, then active
 * entries, then alphabetical order. Every query is parameterised.
 */

/** Most entries a name search returns, whatever the caller asks. */
export const maxNameResults = 50;

const digitsOnly = /^[\d.\s-]+$/;

/** An entry, with its owner (establishments) and its establishments (owners), or null. */
export async function findByMatricula(exec: SqlExecutor, typed: string): Promise<Matricula | null> {
  const number = typed.replace(/[\s.-]/g, '').replace(/^0+(?=\d)/, '');
  if (!/^\d{1,12}$/.test(number)) return null;
  const { rows } = await exec.query<RegistryRow>(
    `SELECT ${registryColumns} FROM registry_matriculas WHERE number = $1`,
    [number],
  );
  return (await assemble(exec, rows))[0] ?? null;
}

/**
 * The entries registered with a NIT and their establishments, owners first. `typed` may carry
 * its DV after a dash (`900.123.456-8`, checked) or not (`900123456`, or body and DV run
 * together, `9001234568`): undashed digits are tried both ways.
 */
export async function findByNit(exec: SqlExecutor, typed: string): Promise<Result<Matricula[]>> {
  const trimmed = typed.trim();
  const digits = trimmed.replace(/\D/g, '');
  if (!digitsOnly.test(trimmed) || digits.length < 5 || digits.length > 16)
    return err('validation', 'Escriba el NIT con números, por ejemplo 900.123.456-8 o 900123456.', 'nit');
  const candidates = new Set<string>();
  if (/-\s*\d$/.test(trimmed)) {
    if (nitCheckDigit(digits.slice(0, -1)) !== Number(digits.slice(-1)))
      return err(
        'validation',
        'El dígito de verificación no corresponde a ese NIT. Revíselo, o escriba el NIT sin el dígito de verificación.',
        'nit',
      );
    candidates.add(digits);
  } else {
    if (digits.length <= 15) candidates.add(`${digits}${nitCheckDigit(digits)}`);
    if (nitCheckDigit(digits.slice(0, -1)) === Number(digits.slice(-1))) candidates.add(digits);
  }
  const { rows } = await exec.query<RegistryRow>(
    // Two index scans (by NIT, then by owner) rather than one OR the planner may scan for.
    `SELECT ${registryColumns} FROM registry_matriculas WHERE nit = ANY($1::text[])
     UNION ALL
     SELECT ${registryColumns} FROM registry_matriculas
     WHERE owner_number IN (SELECT number FROM registry_matriculas WHERE nit = ANY($1::text[]))
     ORDER BY 14 NULLS FIRST, 3, 1`,
    [[...candidates]],
  );
  return ok(await assemble(exec, rows));
}

/**
 * Entries whose name (or sigla) has a word beginning with each typed word, at most `limit`
 * (capped at maxNameResults); `more` when there were others.
 */
export async function findByName(
  exec: SqlExecutor,
  typed: string,
  limit: number,
): Promise<Result<{ entries: Matricula[]; more: boolean }>> {
  const words = searchWords(typed);
  if (words.join('').length < 2)
    return err('validation', 'Escriba al menos dos letras del nombre o de la razón social.', 'name');
  const cap = Math.max(1, Math.min(Math.floor(limit), maxNameResults));
  const { rows } = await exec.query<RegistryRow>(
    `SELECT ${registryColumns} FROM registry_matriculas
     WHERE to_tsvector('simple', name_key) @@ to_tsquery('simple', $1)
     ORDER BY (name_key LIKE $2) DESC, (state = 'activa') DESC, name_key, number
     LIMIT $3`,
    // Words are [a-z0-9] only (searchWords), so they are safe as tsquery lexemes.
    [words.map((word) => `${word}:*`).join(' & '), `${words.join(' ')}%`, cap + 1],
  );
  return ok({ entries: await assemble(exec, rows.slice(0, cap)), more: rows.length > cap });
}

/**
 * One box for everything (the kiosk's «NIT, matrícula o nombre»): digits are a NIT (with or
 * without DV) or a matrícula number — both are tried, NIT entries first — anything else a name.
 */
export async function searchRegistry(
  exec: SqlExecutor,
  typed: string,
  limit: number,
): Promise<Result<{ entries: Matricula[]; more: boolean }>> {
  const trimmed = typed.trim();
  if (trimmed === '') return err('validation', 'Escriba el NIT, el número de matrícula o el nombre.', 'query');
  if (!digitsOnly.test(trimmed)) return findByName(exec, trimmed, limit);
  const byNit = await findByNit(exec, trimmed);
  const dashed = /-\s*\d$/.test(trimmed);
  if (!byNit.ok && dashed) return byNit;
  const byNumber = dashed ? null : await findByMatricula(exec, trimmed);
  const entries = [...(byNit.ok ? byNit.value : [])];
  if (byNumber !== null && !entries.some((e) => e.number === byNumber.number)) entries.push(byNumber);
  const cap = Math.max(1, Math.min(Math.floor(limit), maxNameResults));
  return ok({ entries: entries.slice(0, cap), more: entries.length > cap });
}

/** The shape the certificate services use (certificate-context.ts), with the refusal when there is one. */
export const registryLookup = {
  byNumber: findByMatricula,
  async search(
    exec: SqlExecutor,
    query: string,
    limit: number,
  ): Promise<{ entries: Matricula[]; more: boolean; refusal: ApiError | null }> {
    const found = await searchRegistry(exec, query, limit);
    return found.ok ? { ...found.value, refusal: null } : { entries: [], more: false, refusal: found.error };
  },
};

interface RefRow extends Record<string, unknown> {
  number: string;
  name: string;
  nit: string | null;
  state: 'activa' | 'cancelada';
  domicile: string;
  owner_number: string | null;
}

const refOf = (row: RefRow): MatriculaRef => ({
  number: row.number,
  name: row.name,
  nit: row.nit,
  state: row.state,
  municipality: row.domicile,
});

/** Rows → Matriculas with their owners, establishments and CIIU descriptions (three queries at most). */
async function assemble(exec: SqlExecutor, rows: readonly RegistryRow[]): Promise<Matricula[]> {
  if (rows.length === 0) return [];
  const numbers = rows.map((row) => row.number);
  const owners = rows.flatMap((row) => (row.owner_number === null ? [] : [row.owner_number]));
  const related = await exec.query<RefRow>(
    `SELECT number, name, nit, state, domicile, owner_number FROM registry_matriculas
     WHERE number = ANY($1::text[]) OR owner_number = ANY($2::text[])
     ORDER BY number`,
    [owners, numbers],
  );
  const codes = [...new Set(rows.flatMap((row) => activityCodes(row.details)))];
  const described = await exec.query<{ code: string; description: string }>(
    'SELECT code, description FROM registry_ciiu_activities WHERE code = ANY($1::text[])',
    [codes],
  );
  const descriptions = new Map(described.rows.map((r) => [r.code, r.description]));
  const byNumber = new Map(related.rows.map((r) => [r.number, r]));
  return rows.map((row) => {
    const owner = row.owner_number === null ? undefined : byNumber.get(row.owner_number);
    return matriculaFromRow(
      row,
      {
        owner: owner === undefined ? null : refOf(owner),
        establishments: related.rows.filter((r) => r.owner_number === row.number).map(refOf),
      },
      (code) => descriptions.get(code) ?? 'Actividad sin descripción en el registro',
    );
  });
}

function activityCodes(details: unknown): string[] {
  const activities = (details as { activities?: unknown } | null)?.activities;
  return Array.isArray(activities) ? activities.filter((code): code is string => typeof code === 'string') : [];
}
