import { describe, expect, it } from 'vitest';
import { sectionIds } from '../../../src-node/certificates/certificate-blocks';
import { certificateKinds } from '../../../src-node/certificates/certificate-document';
import { certificateSectionOrder, certificateSections } from '../../../src-node/certificates/certificate-sections';
import { formatIssueMoment, renewalReminder } from '../../../src-node/certificates/certificate-wording';
import {
  sampleEstablishmentCertificate,
  sampleExistencia,
  samplePersonCertificate,
} from '../../support/certificate-fixtures';

describe('certificate section order', () => {
  it('is the SII order of the facts file (§6.2) for the existencia y representación legal certificate', () => {
    expect(certificateSectionOrder('existencia-representacion-legal')).toEqual([
      'fundamento',
      'nombre-identificacion-domicilio',
      'matricula',
      'ubicacion',
      'constitucion',
      'cancelacion',
      'medidas-cautelares',
      'termino-duracion',
      'objeto-social',
      'capital',
      'representacion-legal',
      'nombramientos',
      'reformas',
      'actividad-economica',
      'establecimientos',
      'tamano-empresarial',
      'firma',
    ]);
  });

  it('is the short equivalent for the matrícula certificates: no company blocks, establishments or owners', () => {
    expect(certificateSectionOrder('matricula-persona-natural')).toEqual([
      'fundamento',
      'nombre-identificacion-domicilio',
      'matricula',
      'ubicacion',
      'cancelacion',
      'medidas-cautelares',
      'actividad-economica',
      'establecimientos',
      'tamano-empresarial',
      'firma',
    ]);
    expect(certificateSectionOrder('matricula-establecimiento')).toEqual([
      'fundamento',
      'nombre-identificacion-domicilio',
      'matricula',
      'ubicacion',
      'cancelacion',
      'medidas-cautelares',
      'actividad-economica',
      'propietarios',
      'firma',
    ]);
  });

  it('keeps every kind in the one global order, opening with the fundamento and closing with the signature', () => {
    for (const kind of certificateKinds) {
      const order = certificateSectionOrder(kind);
      const positions = order.map((id) => sectionIds.indexOf(id));
      expect(positions, kind).toEqual([...positions].sort((a, b) => a - b));
      expect(order[0]).toBe('fundamento');
      expect(order.at(-1)).toBe('firma');
    }
  });

  it('leaves out the sections whose facts are absent, and adds cancelación only to a cancelled matrícula', () => {
    expect(certificateSections(sampleExistencia).map((s) => s.id)).toEqual(
      certificateSectionOrder('existencia-representacion-legal').filter(
        (id) => id !== 'cancelacion' && id !== 'medidas-cautelares',
      ),
    );
    const cancelled = certificateSections({
      ...samplePersonCertificate,
      business: { ...samplePersonCertificate.business, state: 'cancelada', cancelledOn: '2025-06-30' },
    });
    const block = cancelled.find((s) => s.id === 'cancelacion')?.blocks.at(-1);
    expect(block).toEqual({
      type: 'paragraph',
      text: 'La matrícula mercantil No. 00098765 fue cancelada el 30/06/2025.',
    });
    expect(certificateSections(sampleEstablishmentCertificate).map((s) => s.id)).toEqual([
      'fundamento',
      'nombre-identificacion-domicilio',
      'matricula',
      'ubicacion',
      'actividad-economica',
      'propietarios',
      'firma',
    ]);
  });
});

describe('certificate wording', () => {
  it('prints the issue instant in Bogotá, whatever the zone of the machine', () => {
    expect(formatIssueMoment(new Date('2026-12-03T20:04:09Z'))).toBe('03/12/2026 – 15:04:09');
    expect(formatIssueMoment(new Date('2027-01-01T04:59:59Z'))).toBe('31/12/2026 – 23:59:59');
  });

  it('reminds to renew only while the year is unrenewed and the 31 March cutoff has not passed', () => {
    const on = (iso: string, lastRenewedYear: number) =>
      renewalReminder({
        issuedAt: new Date(iso),
        business: {
          ...sampleExistencia.business,
          matricula: { ...sampleExistencia.business.matricula, lastRenewedYear },
        },
      });
    expect(on('2027-03-31T23:00:00Z', 2026)).toBe(
      'Recuerde renovar la matrícula mercantil a más tardar el 31 de marzo de 2027.',
    );
    expect(on('2027-04-01T05:00:00Z', 2026)).toBeNull();
    expect(on('2027-02-01T12:00:00Z', 2027)).toBeNull();
  });
});
