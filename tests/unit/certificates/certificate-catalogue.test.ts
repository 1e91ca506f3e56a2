import { describe, expect, it } from 'vitest';
import {
  defaultCertificateCatalogue as catalogue,
  parseCertificateCatalogue,
  priceOn,
  uvbTariff,
  type CertificateCatalogue,
} from '../../../src-shared/certificates/certificate-catalogue';

/** Midnight at the start of `day` in Bogotá (UTC−5), and one second before it. */
const bogotaMidnight = (day: string) => new Date(`${day}T05:00:00Z`);
const justBefore = (day: string) => new Date(bogotaMidnight(day).getTime() - 1000);

const price = (code: string, at: Date) => {
  const result = priceOn(catalogue, code, at);
  return result.ok ? result.value : result.error.message;
};

describe('certificate prices in UVB', () => {
  it('are the facts file’s derived prices for 2025 and 2026', () => {
    const in2025 = new Date('2025-06-15T15:00:00Z');
    const in2026 = new Date('2026-06-15T15:00:00Z');
    expect(price('existencia-representacion-legal', in2025)).toBe(11_600); // 1 × 11.552
    expect(price('matricula-persona-natural', in2025)).toBe(5_800); // 0,5 × 11.552 = 5.776
    expect(price('matricula-establecimiento', in2025)).toBe(5_800);
    expect(price('existencia-representacion-legal', in2026)).toBe(12_100); // 1 × 12.110
    expect(price('matricula-persona-natural', in2026)).toBe(6_100); // 0,5 × 12.110 = 6.055
  });

  it('change at midnight in Bogotá on 1 January, not at midnight UTC', () => {
    expect(price('existencia-representacion-legal', justBefore('2026-01-01'))).toBe(11_600);
    expect(price('existencia-representacion-legal', new Date('2026-01-01T03:00:00Z'))).toBe(11_600); // 31 Dec, 22:00 Bogotá
    expect(price('existencia-representacion-legal', bogotaMidnight('2026-01-01'))).toBe(12_100);
  });

  it('are refused before the catalogue starts and after the last configured UVB, never guessed', () => {
    expect(price('existencia-representacion-legal', justBefore('2025-01-01'))).toBe(
      'Este certificado no tiene un precio vigente para el 31/12/2024. Acérquese a una taquilla de la cámara de comercio.',
    );
    expect(price('existencia-representacion-legal', justBefore('2027-01-01'))).toBe(12_100);
    expect(price('existencia-representacion-legal', bogotaMidnight('2027-01-01'))).toContain(
      'No hay un valor de la UVB configurado para el 01/01/2027',
    );
    expect(price('certificado-de-libros', new Date('2026-06-15T15:00:00Z'))).toBe(
      'Ese certificado no está en el catálogo de la cámara de comercio.',
    );
    expect(priceOn(catalogue, 'matricula-persona-natural', bogotaMidnight('2027-01-01'))).toMatchObject({
      ok: false,
      error: { code: 'not-found' },
    });
  });

  it('round to the nearest $100 up to 3 % of the SMMLV and to the nearest $1.000 above it, halves up', () => {
    const values = { uvb: 0, smmlv: 1_000_000 }; // 3 % = $30.000
    const at = (uvb: number, factor = 1) => uvbTariff(factor, { ...values, uvb });
    expect(at(12_149)).toBe(12_100);
    expect(at(12_150)).toBe(12_200);
    expect(at(12_110, 0.5)).toBe(6_100); // 6.055
    expect(at(11_552, 0.5)).toBe(5_800); // 5.776
    expect(at(30_000)).toBe(30_000); // exactly 3 %: still to $100
    expect(at(29_951)).toBe(30_000);
    expect(at(30_049)).toBe(30_000); // above 3 %: to $1.000
    expect(at(30_499)).toBe(30_000);
    expect(at(30_500)).toBe(31_000);
    expect(uvbTariff(1.46, { uvb: 12_110, smmlv: 1_750_905 })).toBe(17_700); // 17.680,6 ≤ 3 % of 2026's SMMLV…
    expect(uvbTariff(1.46, { uvb: 12_110, smmlv: 500_000 })).toBe(18_000); // …but above 3 % of $500.000
    expect(uvbTariff(0.17, { uvb: 11_552, smmlv: 1_423_500 })).toBe(2_000); // 1.963,84, in thousandths exactly
  });

  it('can be fixed amounts in pesos, which are charged as configured', () => {
    const fixed = parseCertificateCatalogue({
      referenceValues: [],
      certificates: [
        {
          code: 'matricula-persona-natural',
          title: 'Certificado de matrícula mercantil de persona natural',
          form: 'matricula-mercantil',
          appliesTo: ['persona-natural'],
          price: { cop: 6_050 },
          validFrom: '2026-01-01',
          validTo: '2026-12-31',
        },
      ],
    });
    expect(fixed.ok).toBe(true);
    if (!fixed.ok) return;
    expect(priceOn(fixed.value, 'matricula-persona-natural', new Date('2026-12-31T23:00:00Z'))).toEqual({
      ok: true,
      value: 6_050,
    });
    expect(priceOn(fixed.value, 'matricula-persona-natural', bogotaMidnight('2027-01-01')).ok).toBe(false);
  });
});

describe('a catalogue configuration file', () => {
  const valid = (): CertificateCatalogue => structuredClone(catalogue);
  const problem = (json: unknown) => {
    const parsed = parseCertificateCatalogue(json);
    return parsed.ok ? null : parsed.error.message;
  };

  it('that is the default catalogue as JSON is accepted as it is', () => {
    expect(parseCertificateCatalogue(JSON.parse(JSON.stringify(catalogue)))).toEqual({ ok: true, value: catalogue });
  });

  it('is refused in Spanish, saying where, when two validities of a price overlap', () => {
    const overlapping = valid();
    overlapping.referenceValues.push({ validFrom: '2026-12-01', uvb: 13_000, smmlv: 1_900_000 });
    expect(problem(overlapping)).toContain(
      'valores de referencia (UVB y SMMLV): dos vigencias se cruzan (desde 2026-12-01)',
    );
    const twice = valid();
    twice.certificates.push({ ...structuredClone(catalogue.certificates[0]!), validFrom: '2026-06-01' });
    expect(problem(twice)).toContain('el certificado existencia-representacion-legal: dos vigencias se cruzan');
  });

  it('cannot sell a certificate for a kind of matrícula its form is not for', () => {
    const wrong = valid();
    wrong.certificates[0]!.appliesTo = ['sociedad', 'persona-natural'];
    expect(problem(wrong)).toContain(
      'certificates[0].appliesTo: un certificado con la forma existencia-representacion-legal no puede ser de una matrícula persona-natural.',
    );
  });

  it('refuses impossible dates, reversed validities, bad prices and unknown fields', () => {
    const cases: [(c: CertificateCatalogue) => void, string][] = [
      [(c) => void (c.referenceValues[0]!.validFrom = '2025-02-30'), 'debe ser una fecha AAAA-MM-DD que exista'],
      [(c) => void (c.referenceValues[0]!.validTo = '2024-12-31'), 'validTo es anterior a validFrom'],
      [(c) => void (c.certificates[1]!.price = { uvb: 0.1234 }), 'el factor en UVB lleva hasta tres decimales'],
      [(c) => void (c.certificates[1]!.price = { uvb: -1 }), 'el factor en UVB debe ser mayor que cero'],
      [(c) => void (c.certificates[1]!.price = { cop: 6_100.5 }), 'el precio en pesos es un número entero'],
      [(c) => void (c.referenceValues[1]!.uvb = 12_110.5), 'la UVB va en pesos enteros'],
      [
        (c) => void (c.certificates[2]!.code = 'Matrícula Establecimiento'),
        'el código lleva minúsculas, números y guiones',
      ],
      [(c) => Object.assign(c, { currency: 'USD' }), 'currency'],
      [(c) => void (c.certificates[1]!.price = { uvb: 0.5, cop: 6_100 } as never), 'uno de los dos'],
      [(c) => void (c.certificates = []), 'el catálogo no tiene certificados'],
    ];
    for (const [spoil, expected] of cases) {
      const config = valid();
      spoil(config);
      const message = problem(config);
      expect(message).toMatch(/^El catálogo de certificados no es válido: /);
      expect(message).toContain(expected);
    }
    expect(problem('{"certificates": []}')).toMatch(/^El catálogo de certificados no es válido/);
  });
});
