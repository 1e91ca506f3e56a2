import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { demoRegistryGroups } from '../../../src-server/certificates/registry-demo';
import type { RegistryRecord } from '../../../src-server/certificates/registry-store';
import { Matricula } from '../../../src-shared/certificates/matricula';
import { renewalStatus } from '../../../src-shared/certificates/renewal';
import { isValidNit, nitCheckDigit } from '../../../src-shared/domain/nit';

const now = new Date('2026-12-03T15:00:00Z');
const generate = (seed: number, matriculas: number): RegistryRecord[] =>
  [...demoRegistryGroups({ seed, matriculas, now })].flat();

describe('the demo registry', () => {
  const records = generate(1, 20_000);

  it('has exactly the entries asked for, with unique matrícula numbers, the fixed businesses first', () => {
    expect(records).toHaveLength(20_000);
    expect(new Set(records.map((r) => r.number)).size).toBe(20_000);
    expect(records.slice(0, 10).map((r) => [r.number, r.name])).toEqual([
      ['50001', 'FERRETERÍA EL TOLIMA S.A.S.'],
      ['50002', 'FERRETERÍA EL TOLIMA'],
      ['50003', 'PANADERÍA LA ESPIGA DORADA S.A.S.'],
      ['50004', 'CONFECCIONES COMBEIMA LTDA.'],
      ['50005', 'MARÍA FERNANDA OYOLA PRADA'],
      ['50006', 'TIENDA DOÑA MAFE'],
      ['50007', 'ARROCERA DEL TOLIMA S.A.'],
      ['50008', 'MOLINO ARROCERO DEL TOLIMA'],
      ['50009', 'TIENDA DEL ARROZ DEL TOLIMA'],
      ['50010', 'FUNDACIÓN MUSICAL DEL TOLIMA'],
    ]);
    expect(records[0]?.nit).toBe('9001234568'); // the wallet demo's company
  });

  it('gives every person and company a NIT with the right DIAN check digit, none twice', () => {
    const nits = records.flatMap((r) => (r.nit === null ? [] : [r.nit]));
    expect(nits.length).toBe(records.filter((r) => r.kind !== 'establecimiento').length);
    for (const nit of nits) {
      expect(isValidNit(nit)).toBe(true);
      expect(nitCheckDigit(nit.slice(0, -1))).toBe(Number(nit.slice(-1)));
    }
    expect(new Set(nits).size).toBe(nits.length);
    // A natural person's NIT is the cédula plus its DV.
    for (const r of records.filter((x) => x.kind === 'persona-natural'))
      expect(r.nit).toBe(`${r.person?.docNumber}${nitCheckDigit(r.person?.docNumber ?? '')}`);
  });

  it('holds entries the domain schema accepts, each establishment after its owner', () => {
    const seen = new Map<string, RegistryRecord>();
    for (const r of records) {
      expect(() => Matricula.parse({ ...r, owner: null, establishments: [] })).not.toThrow();
      if (r.kind === 'establecimiento') {
        const owner = seen.get(r.ownerNumber ?? '');
        expect(owner?.kind).toMatch(/^(persona-natural|sociedad)$/);
        expect(r.matriculatedOn >= (owner?.matriculatedOn ?? '')).toBe(true);
        expect(r.state).toBe(owner?.state);
      } else expect(r.ownerNumber).toBeNull();
      expect(r.renewedOn >= r.matriculatedOn).toBe(true);
      expect(Number(r.renewedOn.slice(0, 4))).toBe(r.lastRenewedYear);
      if (r.cancelledOn !== null) expect(r.cancelledOn >= r.renewedOn).toBe(true);
      seen.set(r.number, r);
    }
  });

  it('never gives two companies or establishments the same name (homonimia)', () => {
    const names = records.filter((r) => r.kind !== 'persona-natural').map((r) => r.name);
    const repeated = names.filter((name, i) => names.indexOf(name) !== i);
    expect(new Set(repeated)).toEqual(new Set());
  });

  it('mixes kinds and states as a Tolima chamber might: ~10 % not renewed, ~3 % cancelled, mostly S.A.S.', () => {
    const share = (test: (r: RegistryRecord) => boolean) => records.filter(test).length / records.length;
    expect(share((r) => renewalStatus(r, now) === 'no-renovada')).toBeGreaterThan(0.07);
    expect(share((r) => renewalStatus(r, now) === 'no-renovada')).toBeLessThan(0.13);
    expect(share((r) => r.state === 'cancelada')).toBeGreaterThan(0.015);
    expect(share((r) => r.state === 'cancelada')).toBeLessThan(0.05);
    const companies = records.filter((r) => r.kind === 'sociedad');
    expect(companies.filter((r) => r.organizationType === 'sas').length / companies.length).toBeGreaterThan(0.6);
    expect(share((r) => r.kind === 'persona-natural')).toBeGreaterThan(0.25);
    expect(share((r) => r.kind === 'establecimiento')).toBeGreaterThan(0.3);
    expect(share((r) => r.domicile === 'Ibagué')).toBeGreaterThan(0.6);
    // Every S.A. has its junta directiva and revisor fiscal; every company a legal representative.
    for (const r of companies) {
      expect(r.legalRepresentatives.length).toBeGreaterThan(0);
      if (r.organizationType === 'sa') {
        expect(r.board.length).toBeGreaterThan(0);
        expect(r.revisorFiscal).not.toBeNull();
      }
    }
  });

  it('is the same for the same seed and date, and another for another seed', () => {
    const hash = (rs: RegistryRecord[]) => createHash('sha256').update(JSON.stringify(rs)).digest('hex');
    expect(hash(generate(1, 3_000))).toBe(hash(records.slice(0, 3_000)));
    expect(hash(generate(2, 3_000))).not.toBe(hash(records.slice(0, 3_000)));
  });
});
