import { describe, expect, it } from 'vitest';
import { demoEntity } from '../../../db/seed/entity';
import { parseEntitySetting } from '../../../src-shared/domain/entity-setting';

describe('entity setting', () => {
  it('parses the demo entity as devices replicate it (JSON round trip)', () => {
    const replicated: unknown = JSON.parse(JSON.stringify(demoEntity));
    expect(parseEntitySetting(replicated)).toEqual({ ok: true, value: demoEntity });
  });

  it('reads a row written before the document fields existed, with empty defaults and no barcode', () => {
    const result = parseEntitySetting({ name: 'Acueducto', nit: '800089809', city: 'Ibagué' });
    expect(result).toEqual({
      ok: true,
      value: {
        name: 'Acueducto',
        nit: '800089809',
        city: 'Ibagué',
        address: '',
        phone: '',
        website: '',
        paymentPoints: [],
        footer: [],
      },
    });
  });

  it('drops keys it does not know, so a newer server does not break an older device', () => {
    const result = parseEntitySetting({ ...demoEntity, colors: { primary: '#0a3a6e' } });
    expect(result.ok && 'colors' in result.value).toBe(false);
  });

  it('refuses a barcode GLN with a wrong check digit and a NIT written with its DV, naming the field', () => {
    const badGln = parseEntitySetting({
      ...demoEntity,
      paymentBarcode: { ...demoEntity.paymentBarcode, gln: '7709998000420' },
    });
    expect(badGln.ok).toBe(false);
    if (!badGln.ok) {
      expect(badGln.error.field).toBe('paymentBarcode.gln');
      expect(badGln.error.message).toMatch(/dígito de verificación del GLN/);
    }
    const nitWithDv = parseEntitySetting({ ...demoEntity, nit: '800089809-1' });
    expect(nitWithDv.ok ? null : nitWithDv.error.field).toBe('nit');
  });
});
