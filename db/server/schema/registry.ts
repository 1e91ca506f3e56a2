import { sql } from 'drizzle-orm';
import { check, date, foreignKey, index, integer, jsonb, pgTable, text } from 'drizzle-orm/pg-core';
import {
  businessSizes,
  matriculaKinds,
  matriculaStates,
  organizationTypes,
  type Matricula,
} from '../../../src-shared/certificates/matricula';
import { sqlList } from './sql-list';

/**
 * The chamber of commerce's registry (docs/registry.md): one row per matrícula (or ESAL
 * inscripción), what certificates are made from. What a lookup filters or lists on is a column;
 * the nested parts a certificate prints (addresses, constitution, capital, appointments, CIIU
 * activities) are one JSON document, read whole with the row.
 */

type Present<K extends keyof Matricula> = { readonly [P in K]?: NonNullable<Matricula[P]> };

/**
 * The parts of src-shared's Matricula kept in `details`, compactly (the registry is the largest
 * table a demo loads): a part the entry does not have is absent rather than null or empty, the
 * judicial-notification address is absent when it is the business address, and activities are
 * CIIU codes, principal first, whose descriptions are in registry_ciiu_activities.
 */
export type RegistryDetails = Present<
  | 'person'
  | 'judicialAddress'
  | 'constitution'
  | 'duration'
  | 'objetoSocial'
  | 'capital'
  | 'assets'
  | 'legalRepresentatives'
  | 'board'
  | 'revisorFiscal'
> & {
  readonly commercialAddress: Matricula['commercialAddress'];
  readonly activities: readonly string[];
};

/** CIIU Rev. 4 A.C. activities the registry's entries name: `G4752` and its description. */
export const registryCiiuActivities = pgTable('registry_ciiu_activities', {
  code: text('code').primaryKey(),
  description: text('description').notNull(),
});

export const registryMatriculas = pgTable(
  'registry_matriculas',
  {
    /** The matrícula number, digits only. */
    number: text('number').primaryKey(),
    kind: text('kind').notNull(),
    state: text('state').notNull(),
    /** Razón social, the person's full name, or the establishment's name, as certificates print it. */
    name: text('name').notNull(),
    sigla: text('sigla'),
    /**
     * The name and sigla without accents, case or punctuation (src-shared/certificates/
     * registry-name-key.ts): what a name search compares, by prefix and by word.
     */
    nameKey: text('name_key').notNull(),
    /** Body and check digit (`9001234568`); null for establishments. */
    nit: text('nit'),
    organizationType: text('organization_type').notNull(),
    matriculatedOn: date('matriculated_on', { mode: 'string' }).notNull(),
    lastRenewedYear: integer('last_renewed_year').notNull(),
    renewedOn: date('renewed_on', { mode: 'string' }).notNull(),
    cancelledOn: date('cancelled_on', { mode: 'string' }),
    /** The municipality of the domicile: search results show it. */
    domicile: text('domicile').notNull(),
    size: text('size').notNull(),
    /** An establishment's owner. */
    ownerNumber: text('owner_number'),
    details: jsonb('details').$type<RegistryDetails>().notNull(),
  },
  (t) => [
    check('registry_matriculas_kind_check', sql`${t.kind} in ${sqlList(matriculaKinds)}`),
    check('registry_matriculas_state_check', sql`${t.state} in ${sqlList(matriculaStates)}`),
    check(
      'registry_matriculas_organization_type_check',
      sql`${t.organizationType} in ${sqlList(Object.keys(organizationTypes))}`,
    ),
    check('registry_matriculas_size_check', sql`${t.size} in ${sqlList(businessSizes)}`),
    check('registry_matriculas_number_check', sql`${t.number} ~ '^[0-9]{1,12}$'`),
    check('registry_matriculas_nit_check', sql`${t.nit} is null or ${t.nit} ~ '^[0-9]{2,16}$'`),
    check('registry_matriculas_cancelled_check', sql`(${t.state} = 'cancelada') = (${t.cancelledOn} is not null)`),
    check('registry_matriculas_owner_check', sql`(${t.kind} = 'establecimiento') = (${t.ownerNumber} is not null)`),
    foreignKey({
      name: 'registry_matriculas_owner_fk',
      columns: [t.ownerNumber],
      foreignColumns: [t.number],
    }),
    index('registry_matriculas_nit_idx').on(t.nit),
    index('registry_matriculas_owner_idx').on(t.ownerNumber),
    // «Starts with»: a btree LIKE 'prefix%' can use whatever the database's collation.
    index('registry_matriculas_name_prefix_idx').on(t.nameKey.op('text_pattern_ops')),
    // «Any word starts with»: full-text prefix queries (`tolima:*`) on the key's words. Built in
    // to PostgreSQL and PGlite alike (pg_trgm would need an extension on both).
    index('registry_matriculas_name_words_idx').using('gin', sql`to_tsvector('simple', ${t.nameKey})`),
  ],
);
