import { z } from 'zod';
import { columnArrays, unnestInsertSql, type TableSpec } from '../../db/seed/columns';
import type { RegistryDetails } from '../../db/server/schema/registry';
import {
  Appointment,
  BoardSeat,
  Capital,
  Matricula,
  RegistryAddress,
  RegistryPerson,
  RevisorFiscal,
  type MatriculaRef,
} from '../../src-shared/certificates/matricula';
import { registryNameKey } from '../../src-shared/certificates/registry-name-key';
import type { SqlExecutor } from '../db/sql-executor';

/**
 * How registry entries are stored (db/server/schema/registry.ts) and read back. Writes are bulk:
 * one `INSERT … SELECT FROM unnest(…)` per chunk, one array parameter per column, so 50,000
 * entries are a handful of statements. An establishment must come in the same call as its
 * owner, or after it (the owner is a foreign key).
 */

/** An entry as stored: the domain's Matricula without the relations a lookup assembles. */
export type RegistryRecord = Omit<Matricula, 'owner' | 'establishments'> & {
  /** An establishment's owner's matrícula number; null for the other kinds. */
  readonly ownerNumber: string | null;
};

/** `{ key: value }`, or nothing when the entry lacks the part (null or an empty list). */
function part<K extends string, V>(key: K, value: V | null): { [P in K]?: V } {
  if (value === null || (Array.isArray(value) && value.length === 0)) return {};
  return { [key]: value } as { [P in K]: V };
}

/** The JSON document of an entry's nested parts, without what it does not have. */
export function detailsOf(record: RegistryRecord): RegistryDetails {
  const sameAddress = JSON.stringify(record.judicialAddress) === JSON.stringify(record.commercialAddress);
  return {
    commercialAddress: record.commercialAddress,
    activities: record.activities.map((activity) => activity.code),
    ...part('person', record.person),
    ...part('judicialAddress', sameAddress ? null : record.judicialAddress),
    ...part('constitution', record.constitution),
    ...part('duration', record.duration),
    ...part('objetoSocial', record.objetoSocial),
    ...part('capital', record.capital),
    ...part('assets', record.assets),
    ...part('legalRepresentatives', record.legalRepresentatives),
    ...part('board', record.board),
    ...part('revisorFiscal', record.revisorFiscal),
  };
}

/** The key a name search compares: the name and the sigla, normalised. */
export const nameKeyOf = (record: Pick<RegistryRecord, 'name' | 'sigla'>): string =>
  registryNameKey(record.sigla === null ? record.name : `${record.name} ${record.sigla}`);

const registryTable: TableSpec<RegistryRecord> = {
  table: 'registry_matriculas',
  columns: [
    { name: 'number', type: 'text', value: (r) => r.number },
    { name: 'kind', type: 'text', value: (r) => r.kind },
    { name: 'state', type: 'text', value: (r) => r.state },
    { name: 'name', type: 'text', value: (r) => r.name },
    { name: 'sigla', type: 'text', value: (r) => r.sigla },
    { name: 'name_key', type: 'text', value: nameKeyOf },
    { name: 'nit', type: 'text', value: (r) => r.nit },
    { name: 'organization_type', type: 'text', value: (r) => r.organizationType },
    { name: 'matriculated_on', type: 'date', value: (r) => r.matriculatedOn },
    { name: 'last_renewed_year', type: 'int4', value: (r) => r.lastRenewedYear },
    { name: 'renewed_on', type: 'date', value: (r) => r.renewedOn },
    { name: 'cancelled_on', type: 'date', value: (r) => r.cancelledOn },
    { name: 'domicile', type: 'text', value: (r) => r.domicile },
    { name: 'size', type: 'text', value: (r) => r.size },
    { name: 'owner_number', type: 'text', value: (r) => r.ownerNumber },
    { name: 'details', type: 'jsonb', value: (r) => JSON.stringify(detailsOf(r)) },
  ],
};

/** Rows per statement: big enough to amortise the round trip, small enough to bound memory. */
const chunkSize = 5_000;

/**
 * Inserts `records` and the descriptions of the CIIU codes they name (a code already known
 * keeps its description). A number already in the registry is an error.
 */
export async function insertRegistryRecords(exec: SqlExecutor, records: readonly RegistryRecord[]): Promise<number> {
  const activities = new Map<string, string>();
  for (const record of records) for (const a of record.activities) activities.set(a.code, a.description);
  if (activities.size > 0) {
    await exec.query(
      `INSERT INTO registry_ciiu_activities (code, description) SELECT * FROM unnest($1::text[], $2::text[])
       ON CONFLICT (code) DO NOTHING`,
      [[...activities.keys()], [...activities.values()]],
    );
  }
  const statement = unnestInsertSql(registryTable);
  for (let start = 0; start < records.length; start += chunkSize) {
    await exec.query(statement, columnArrays(registryTable, records.slice(start, start + chunkSize)));
  }
  return records.length;
}

/** Whether the registry already holds anything (the demo loads only into an empty one). */
export async function registryIsEmpty(exec: SqlExecutor): Promise<boolean> {
  const { rows } = await exec.query<{ any: boolean }>('SELECT exists (SELECT 1 FROM registry_matriculas) AS any');
  return rows[0]?.any !== true;
}

/** The row shape `registryColumns` selects. */
export interface RegistryRow extends Record<string, unknown> {
  number: string;
  kind: string;
  state: string;
  name: string;
  sigla: string | null;
  nit: string | null;
  organization_type: string;
  matriculated_on: string;
  last_renewed_year: number;
  renewed_on: string;
  cancelled_on: string | null;
  domicile: string;
  size: string;
  owner_number: string | null;
  details: unknown;
}

/** Dates as `YYYY-MM-DD` text whatever the driver does with `date`. */
export const registryColumns = `number, kind, state, name, sigla, nit, organization_type,
  matriculated_on::text AS matriculated_on, last_renewed_year, renewed_on::text AS renewed_on,
  cancelled_on::text AS cancelled_on, domicile, size, owner_number, details`;

const StoredDetails = z.object({
  person: RegistryPerson.optional(),
  commercialAddress: RegistryAddress,
  judicialAddress: RegistryAddress.optional(),
  constitution: Matricula.shape.constitution.unwrap().optional(),
  duration: Matricula.shape.duration.unwrap().optional(),
  objetoSocial: z.string().optional(),
  capital: Capital.optional(),
  assets: z.number().int().optional(),
  legalRepresentatives: z.array(Appointment).optional(),
  board: z.array(BoardSeat).optional(),
  revisorFiscal: RevisorFiscal.optional(),
  activities: z.array(z.string()).min(1),
});

/**
 * A stored row back as the domain's Matricula, checked against its schema: what the database
 * holds is read like any other input. `describe` gives a CIIU code's description.
 */
export function matriculaFromRow(
  row: RegistryRow,
  relations: { owner: MatriculaRef | null; establishments: MatriculaRef[] },
  describe: (code: string) => string,
): Matricula {
  const d = StoredDetails.parse(row.details);
  return Matricula.parse({
    number: row.number,
    kind: row.kind,
    state: row.state,
    name: row.name,
    sigla: row.sigla,
    nit: row.nit,
    organizationType: row.organization_type,
    person: d.person ?? null,
    matriculatedOn: row.matriculated_on,
    lastRenewedYear: row.last_renewed_year,
    renewedOn: row.renewed_on,
    cancelledOn: row.cancelled_on,
    domicile: row.domicile,
    commercialAddress: d.commercialAddress,
    judicialAddress: d.judicialAddress ?? d.commercialAddress,
    constitution: d.constitution ?? null,
    duration: d.duration ?? null,
    objetoSocial: d.objetoSocial ?? null,
    capital: d.capital ?? null,
    assets: d.assets ?? null,
    legalRepresentatives: d.legalRepresentatives ?? [],
    board: d.board ?? [],
    revisorFiscal: d.revisorFiscal ?? null,
    activities: d.activities.map((code) => ({ code, description: describe(code) })),
    size: row.size,
    owner: relations.owner,
    establishments: relations.establishments,
  });
}
