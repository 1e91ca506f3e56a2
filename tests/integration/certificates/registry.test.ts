import { expect, it } from 'vitest';
import { seedDemoData } from '../../../db/seed/index';
import { seedDemoRegistry } from '../../../src-server/certificates/registry-demo';
import {
  findByMatricula,
  findByName,
  findByNit,
  registryLookup,
  searchRegistry,
} from '../../../src-server/certificates/registry-lookup';
import type { SqlExecutor } from '../../../src-server/db/sql-executor';
import { renewalStatus } from '../../../src-shared/certificates/renewal';
import { describeEachServerDatabase } from '../../support/postgres';
import { openMigratedDatabase } from '../../support/server-harness';

/**
 * The chamber's registry on the central server (issue 14, item 1): `npm run seed`'s 50,000
 * matrículas, the same on every run, and the lookups a kiosk makes — by NIT with or without its
 * DV, by matrícula number, by name without accents — returning the documented demo businesses,
 * with the refusals a mistyped or hostile search gets.
 */
const now = new Date('2026-12-03T15:00:00Z');

/** Every stored row, in order, as one digest: two loads are the same registry when it matches. */
async function registryDigest(exec: SqlExecutor): Promise<string> {
  const { rows } = await exec.query<{ digest: string; n: number }>(
    `SELECT md5(string_agg(r::text, '|' ORDER BY r.number)) AS digest, count(*)::int AS n
     FROM registry_matriculas r`,
  );
  const ciiu = await exec.query<{ digest: string }>(
    `SELECT md5(string_agg(c::text, '|' ORDER BY c.code)) AS digest FROM registry_ciiu_activities c`,
  );
  return `${rows[0]?.n}:${rows[0]?.digest}:${ciiu.rows[0]?.digest}`;
}

const names = (entries: readonly { name: string }[]) => entries.map((e) => e.name);

describeEachServerDatabase('chamber registry', (variant) => {
  it('loads 50,000 matrículas the same way twice and finds the demo businesses', { timeout: 300_000 }, async () => {
    // The seed's load and a second load of the same seed and day, in another database, run
    // side by side: the seed's staff password hashes (thread pool) overlap the other load.
    const [first, second] = await Promise.all([openMigratedDatabase(variant), openMigratedDatabase(variant)]);
    const [report, again] = await Promise.all([
      seedDemoData(first.exec, { subscribers: 20, months: 2, now, matriculas: 50_000 }),
      seedDemoRegistry(second.exec, { seed: 1, matriculas: 50_000, now }),
    ]);
    expect(report.matriculas).toBe(50_000);
    expect(again).toEqual({ matriculas: 50_000 });
    const exec = first.exec;
    const count = await exec.query<{ n: number }>('SELECT count(*)::int AS n FROM registry_matriculas');
    expect(count.rows[0]?.n).toBe(50_000);

    // The wallet demo's company, by NIT written three ways, with its establishment after it.
    for (const typed of ['900.123.456-8', '900123456', '9001234568', ' 900 123 456 - 8 ']) {
      const found = await findByNit(exec, typed);
      expect(found.ok ? found.value.map((e) => [e.number, e.kind, e.name]) : found.error.message).toEqual([
        ['50001', 'sociedad', 'FERRETERÍA EL TOLIMA S.A.S.'],
        ['50002', 'establecimiento', 'FERRETERÍA EL TOLIMA'],
      ]);
    }
    const ferreteria = await findByMatricula(exec, '50001');
    expect(ferreteria).toMatchObject({
      nit: '9001234568',
      sigla: 'FERRETOLIMA',
      organizationType: 'sas',
      state: 'activa',
      lastRenewedYear: 2026,
      capital: { autorizado: 500_000_000, suscrito: 300_000_000, pagado: 300_000_000 },
      establishments: [{ number: '50002', name: 'FERRETERÍA EL TOLIMA', nit: null, state: 'activa' }],
    });
    expect(ferreteria?.legalRepresentatives.map((r) => r.cargo)).toEqual(['GERENTE', 'REPRESENTANTE LEGAL SUPLENTE']);
    expect(ferreteria?.activities[0]).toEqual({
      code: 'G4752',
      description:
        'Comercio al por menor de artículos de ferretería, pinturas y productos de vidrio en establecimientos especializados',
    });
    expect(ferreteria?.judicialAddress).toEqual(ferreteria?.commercialAddress);
    const shop = await findByMatricula(exec, '0050002');
    expect(shop?.owner).toEqual({
      number: '50001',
      name: 'FERRETERÍA EL TOLIMA S.A.S.',
      nit: '9001234568',
      state: 'activa',
      municipality: 'Ibagué',
    });

    // Not renewed, cancelled, a persona natural and her shop, the three-page S.A., the ESAL.
    const panaderia = await findByMatricula(exec, '50003');
    expect(panaderia && renewalStatus(panaderia, now)).toBe('no-renovada');
    expect(await findByMatricula(exec, '50004')).toMatchObject({ state: 'cancelada', cancelledOn: '2025-06-28' });
    const persona = await findByNit(exec, '1110456789');
    expect(persona.ok && names(persona.value)).toEqual(['MARÍA FERNANDA OYOLA PRADA', 'TIENDA DOÑA MAFE']);
    const arrocera = await findByMatricula(exec, '50007');
    expect(arrocera?.board).toHaveLength(10);
    expect(arrocera?.revisorFiscal?.professionalCard).toBe('87456-T');
    expect(arrocera?.establishments.map((e) => e.municipality)).toEqual(['Venadillo', 'Ibagué']);
    expect((await findByMatricula(exec, '50010'))?.kind).toBe('esal');

    // By name: accents, case and abbreviations do not matter; the sigla counts; names that
    // begin with what was typed come first.
    const byName = async (typed: string, limit = 8) => {
      const found = await findByName(exec, typed, limit);
      if (!found.ok) throw new Error(found.error.message);
      return found.value;
    };
    expect(names((await byName('FERRETERIA EL TOLIMA')).entries).slice(0, 2)).toEqual([
      'FERRETERÍA EL TOLIMA',
      'FERRETERÍA EL TOLIMA S.A.S.',
    ]);
    expect(names((await byName('doña mafe')).entries)).toContain('TIENDA DOÑA MAFE');
    expect(names((await byName('tienda dona mafe')).entries)[0]).toBe('TIENDA DOÑA MAFE');
    expect(names((await byName('arrotol')).entries)).toEqual(['ARROCERA DEL TOLIMA S.A.']);
    expect(names((await byName('oyola prada maria fernanda')).entries)).toContain('MARÍA FERNANDA OYOLA PRADA');
    expect(names((await byName('fundación musical del tolima')).entries)[0]).toBe('FUNDACIÓN MUSICAL DEL TOLIMA');
    const many = await byName('tienda', 5);
    expect(many.entries).toHaveLength(5);
    expect(many.more).toBe(true);
    for (const entry of many.entries) expect(entry.name).toMatch(/TIENDA/);
    expect((await byName('zzzqqq')).entries).toEqual([]);
    expect((await byName('tienda', 10_000)).entries).toHaveLength(50);

    // The name search reads the word index, not the whole table.
    const plan = await exec.query<{ 'QUERY PLAN': string }>(
      `EXPLAIN SELECT number FROM registry_matriculas
       WHERE to_tsvector('simple', name_key) @@ to_tsquery('simple', 'arrotol:*')`,
    );
    expect(plan.rows.map((r) => r['QUERY PLAN']).join('\n')).toContain('registry_matriculas_name_words_idx');

    // One box for everything, as the kiosk uses it.
    const box = async (typed: string) => {
      const found = await searchRegistry(exec, typed, 8);
      return found.ok ? found.value.entries.map((e) => e.number) : found.error.message;
    };
    expect(await box('900123456')).toEqual(['50001', '50002']);
    expect(await box('50005')).toEqual(['50005']);
    expect((await box('ferreteria el tolima sas'))[0]).toBe('50001'); // then other «ferretería el … tolima s.a.s.»
    expect(await registryLookup.byNumber(exec, '50006')).toMatchObject({ name: 'TIENDA DOÑA MAFE' });
    expect(await registryLookup.search(exec, '900.123.456-8', 8)).toMatchObject({
      entries: [{ number: '50001' }, { number: '50002' }],
      more: false,
      refusal: null,
    });

    // The second load, of the same seed and day in another database, is the same registry.
    // (Nothing above writes to `first`: its digest, 50,000 rows read and hashed, is taken once.)
    const seeded = await registryDigest(exec);
    expect(await registryDigest(second.exec)).toBe(seeded);
    // A registry with entries is left as it is.
    expect(await seedDemoRegistry(second.exec, { seed: 2, matriculas: 10, now })).toEqual({ matriculas: 0 });
    expect(await registryDigest(second.exec)).toBe(seeded);
  });

  it('refuses a wrong DV, empty or hostile searches in Spanish, and finds nothing unknown', async () => {
    const database = await openMigratedDatabase(variant);
    const exec = database.exec;
    await seedDemoRegistry(exec, { seed: 1, matriculas: 200, now });
    const refusal = async (typed: string) => {
      const found = await searchRegistry(exec, typed, 8);
      return found.ok ? found.value.entries.map((e) => e.number) : found.error.message;
    };
    expect(await refusal('900.123.456-7')).toBe(
      'El dígito de verificación no corresponde a ese NIT. Revíselo, o escriba el NIT sin el dígito de verificación.',
    );
    expect(await refusal('   ')).toBe('Escriba el NIT, el número de matrícula o el nombre.');
    expect(await refusal('a')).toBe('Escriba al menos dos letras del nombre o de la razón social.');
    expect(await refusal('¿?')).toBe('Escriba al menos dos letras del nombre o de la razón social.');
    expect(await refusal('800197268')).toEqual([]); // DIAN's NIT: a valid NIT nobody registered here
    expect(await findByMatricula(exec, '99999999')).toBeNull();
    expect(await findByMatricula(exec, 'abc')).toBeNull();
    // Typed text is data, never SQL or full-text syntax.
    for (const hostile of ["'; DROP TABLE registry_matriculas; --", 'tolima:* | a', "o'neil & (x)", '%_%', '\\']) {
      const found = await searchRegistry(exec, hostile, 8);
      if (found.ok) expect(Array.isArray(found.value.entries)).toBe(true);
      else expect(found.error.code).toBe('validation');
    }
    const still = await exec.query<{ n: number }>('SELECT count(*)::int AS n FROM registry_matriculas');
    expect(still.rows[0]?.n).toBe(200);
    expect(await registryLookup.search(exec, '900.123.456-7', 8)).toMatchObject({
      entries: [],
      refusal: { code: 'validation', field: 'nit' },
    });
  });
});
