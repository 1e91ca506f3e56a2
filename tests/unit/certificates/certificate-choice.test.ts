import { describe, expect, it } from 'vitest';
import { defaultCertificateCatalogue as catalogue } from '../../../src-shared/certificates/certificate-catalogue';
import { applicableCertificates, chooseCertificate } from '../../../src-shared/certificates/certificate-choice';
import type { Matricula } from '../../../src-shared/certificates/matricula';
import { renewalStatus, requiredRenewalYear } from '../../../src-shared/certificates/renewal';

type Entry = Pick<Matricula, 'kind' | 'name' | 'state' | 'lastRenewedYear' | 'cancelledOn'>;

const entry = (kind: Matricula['kind'], over: Partial<Entry> = {}): Entry => ({
  kind,
  name: 'FERRETERÍA EL TOLIMA S.A.S.',
  state: 'activa',
  lastRenewedYear: 2026,
  cancelledOn: null,
  ...over,
});

/** Noon in Bogotá on `day`. */
const on = (day: string) => new Date(`${day}T17:00:00Z`);

describe('which certificate a registry entry gets', () => {
  it('follows the facts file: existencia for sociedades and ESAL, matrícula for personas naturales and establecimientos', () => {
    const codes = (kind: Matricula['kind']) =>
      applicableCertificates(catalogue, entry(kind), on('2026-06-15')).map((c) => c.code);
    expect(codes('sociedad')).toEqual(['existencia-representacion-legal']);
    expect(codes('esal')).toEqual(['existencia-representacion-legal']);
    expect(codes('persona-natural')).toEqual(['matricula-persona-natural']);
    expect(codes('establecimiento')).toEqual(['matricula-establecimiento']);
  });

  it('refuses another kind’s certificate, naming the one that applies', () => {
    const asked = chooseCertificate(
      catalogue,
      'existencia-representacion-legal',
      entry('persona-natural', { name: 'MARÍA FERNANDA OYOLA PRADA' }),
      on('2026-06-15'),
    );
    expect(asked).toEqual({
      ok: false,
      error: {
        code: 'validation',
        field: 'certificate',
        message:
          'El «Certificado de existencia y representación legal» no se expide para una persona natural. ' +
          'Para MARÍA FERNANDA OYOLA PRADA pida el «Certificado de matrícula mercantil de persona natural».',
      },
    });
    const shop = chooseCertificate(catalogue, 'matricula-persona-natural', entry('establecimiento'), on('2026-06-15'));
    expect(shop.ok ? null : shop.error.message).toContain(
      'pida el «Certificado de matrícula mercantil de establecimiento de comercio»',
    );
  });

  it('refuses a certificate outside the catalogue’s dates', () => {
    const early = chooseCertificate(catalogue, 'existencia-representacion-legal', entry('sociedad'), on('2024-12-31'));
    expect(early).toMatchObject({ ok: false, error: { code: 'not-found' } });
  });

  it('gives a cancelled matrícula its certificate stating the cancellation, with a notice before paying and no watermark', () => {
    const cancelled = entry('sociedad', {
      name: 'CONFECCIONES COMBEIMA LTDA.',
      state: 'cancelada',
      lastRenewedYear: 2023,
      cancelledOn: '2025-06-28',
    });
    const choice = chooseCertificate(catalogue, 'existencia-representacion-legal', cancelled, on('2026-06-15'));
    expect(choice.ok).toBe(true);
    if (!choice.ok) return;
    expect(choice.value.cancelledOn).toBe('2025-06-28');
    expect(choice.value.renewal).toBe('cancelada');
    expect(choice.value.notRenewedWatermark).toBe(false);
    expect(choice.value.renewalReminder).toBeNull();
    expect(choice.value.notices).toEqual([
      'La matrícula de CONFECCIONES COMBEIMA LTDA. fue cancelada el 28/06/2025. El certificado dirá que está cancelada: ' +
        'sirve para probar la cancelación, no la existencia ni la representación legal actuales.',
    ]);
  });

  it('marks the not-renewed watermark from the day after the 31 March cutoff, in Bogotá', () => {
    const lastYear = entry('sociedad', { lastRenewedYear: 2025 });
    const choose = (at: Date) => {
      const choice = chooseCertificate(catalogue, 'existencia-representacion-legal', lastYear, at);
      if (!choice.ok) throw new Error(choice.error.message);
      return choice.value;
    };
    // 31 March, 23:59 in Bogotá (1 April 04:59 UTC): the year's renewal is still on time.
    const lastDay = choose(new Date('2026-04-01T04:59:00Z'));
    expect(lastDay.renewal).toBe('por-renovar');
    expect(lastDay.notRenewedWatermark).toBe(false);
    expect(lastDay.renewalReminder).toBe('Recuerde renovar su matrícula mercantil de 2026 a más tardar el 31/03/2026.');
    expect(lastDay.notices).toEqual([]);
    const late = choose(new Date('2026-04-01T05:00:00Z'));
    expect(late.renewal).toBe('no-renovada');
    expect(late.notRenewedWatermark).toBe(true);
    expect(late.renewalReminder).toBeNull();
    expect(late.notices[0]).toContain('no se ha renovado desde 2025');
  });

  it('marks an entry two years behind even before the cutoff, and none renewed for this year', () => {
    expect(renewalStatus(entry('persona-natural', { lastRenewedYear: 2024 }), on('2026-02-01'))).toBe('no-renovada');
    expect(renewalStatus(entry('persona-natural', { lastRenewedYear: 2026 }), on('2026-02-01'))).toBe('al-dia');
    expect(renewalStatus(entry('persona-natural', { lastRenewedYear: 2026 }), on('2026-12-31'))).toBe('al-dia');
    expect(requiredRenewalYear('2026-03-31')).toBe(2025);
    expect(requiredRenewalYear('2026-04-01')).toBe(2026);
    // A cutoff the government moved, as SII reads it from its table.
    expect(requiredRenewalYear('2026-04-15', '04-30')).toBe(2025);
  });
});
